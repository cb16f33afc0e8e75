/**
 * Audit runs, stored like score runs: a manifest (what was asked, with which vocabulary, thresholds and versions)
 * and the cases found. The cases are one JSON array per run, not a row each: a run is always written and read
 * whole (the Cases view lists all of it, the Account view filters it), it holds a few thousand cases at most
 * (brexit + kpop: 35 cases in 30 KB of JSON, read back by audit.latest in about 7 ms), and one row cannot be half
 * written or read back in another order. The columns beside the manifest are what `lens audit --runs` lists
 * without parsing the cases.
 */
export const auditRunsSchema = `
CREATE TABLE audit_runs (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  whatif_model TEXT NOT NULL,
  kinds TEXT CHECK (kinds IS NULL OR json_valid(kinds)),
  manifest TEXT NOT NULL CHECK (json_valid(manifest)),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  cases TEXT NOT NULL CHECK (json_valid(cases))
) STRICT;
CREATE INDEX audit_runs_by_dataset ON audit_runs (dataset_id, id);
`;
