/** Transitional: features/account and features/report import this path; they are to import ../../ui/audit/AuditRunBar directly (issue 14). */
export * from '../../ui/audit/AuditRunBar';
