/**
 * The graph cache keeps its arrays in chunks of a few MiB instead of one BLOB per array: a reader copies each
 * chunk into shared memory as it goes, so a 100 MB array never exists twice. The old cache is only a cache, so it
 * is dropped rather than converted.
 */
export const graphChunksSchema = `
DROP TABLE graph_cache;

CREATE TABLE graph_cache (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  cache_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  node_count INTEGER NOT NULL,
  edge_count INTEGER NOT NULL,
  interactions_read INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (dataset_id, cache_key)
) STRICT;

CREATE TABLE graph_cache_chunks (
  graph_id INTEGER NOT NULL REFERENCES graph_cache(id) ON DELETE CASCADE,
  array TEXT NOT NULL CHECK (array IN ('account_ids', 'offsets', 'targets', 'weights')),
  seq INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (graph_id, array, seq)
) STRICT;
`;
