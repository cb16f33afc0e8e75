/** Transitional: features/account and features/report import this path; they are to import ../../ui/charts/BeforeAfterChart directly (issue 14). */
export * from '../../ui/charts/BeforeAfterChart';
