/** Transitional: features/account and features/report import this path; they are to import ../../ui/account-link directly (issue 14). */
export * from '../../ui/account-link';
