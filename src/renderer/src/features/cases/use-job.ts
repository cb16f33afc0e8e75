/** Transitional: features/account and features/report import this path; they are to import ../../ui/use-call directly (issue 14). */
export { useJob } from '../../ui/use-call';
