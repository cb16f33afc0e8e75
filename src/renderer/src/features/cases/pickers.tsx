/** Transitional: features/account and features/report import this path; they are to import ../../ui/pickers directly (issue 14). */
export * from '../../ui/pickers';
