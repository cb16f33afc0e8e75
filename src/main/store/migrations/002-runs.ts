/**
 * Scoring runs and the graph cache. Results and graphs are typed arrays stored as BLOBs: a run over a million
 * accounts is a few megabytes read or written in one step, where a row per score would take seconds.
 */
export const runsSchema = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  model_id TEXT NOT NULL,
  model_version TEXT NOT NULL,
  params TEXT NOT NULL,
  seed INTEGER NOT NULL,
  manifest TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  accounts_scored INTEGER NOT NULL,
  excluded INTEGER NOT NULL,
  account_ids BLOB NOT NULL
) STRICT;
CREATE INDEX runs_by_dataset ON runs (dataset_id);

CREATE TABLE run_outputs (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  scores BLOB NOT NULL,
  PRIMARY KEY (run_id, name)
) STRICT;

CREATE TABLE graph_cache (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  cache_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  node_count INTEGER NOT NULL,
  edge_count INTEGER NOT NULL,
  interactions_read INTEGER NOT NULL,
  account_ids BLOB NOT NULL,
  offsets BLOB NOT NULL,
  targets BLOB NOT NULL,
  weights BLOB NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (dataset_id, cache_key)
) STRICT;
`;
