/**
 * Staged imports. An import writes into a dataset of its own, committed in batches, that no read sees until one
 * short transaction at its end publishes it (import/run-import.ts). `staged_by` is the id of the process whose
 * import is writing it; NULL for every visible dataset. A staging dataset whose process is gone (a crash, kill -9)
 * is removed when the next engine opens the file (store/staging.ts).
 */
export const stagingSchema = `
ALTER TABLE datasets ADD COLUMN staged_by INTEGER;
CREATE INDEX datasets_staged ON datasets (staged_by) WHERE staged_by IS NOT NULL;
`;
