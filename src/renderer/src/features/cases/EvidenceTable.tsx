/** Transitional: features/account and features/report import this path; they are to import ../../ui/audit/EvidenceTable directly (issue 14). */
export * from '../../ui/audit/EvidenceTable';
