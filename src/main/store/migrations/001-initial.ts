/** The canonical model of SPEC.md. Times are integer milliseconds since the epoch (UTC). */
export const initialSchema = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  pseudonymized INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE source_files (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  records INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  unresolved INTEGER NOT NULL,
  skip_reasons TEXT NOT NULL,
  UNIQUE (dataset_id, sha256)
) STRICT;

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  platform_id TEXT NOT NULL,
  handle TEXT,
  display_name TEXT,
  bio TEXT,
  location TEXT,
  followers INTEGER,
  following INTEGER,
  post_count INTEGER,
  created_at INTEGER,
  placeholder INTEGER NOT NULL,
  attributes TEXT,
  UNIQUE (dataset_id, platform_id)
) STRICT;
CREATE INDEX accounts_by_handle ON accounts (dataset_id, handle COLLATE NOCASE);

CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  platform_id TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER,
  text TEXT,
  lang TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'retweet', 'quote', 'reply')),
  ref_platform_id TEXT,
  UNIQUE (dataset_id, platform_id)
) STRICT;
CREATE INDEX posts_by_author ON posts (author_id);

CREATE TABLE post_hashtags (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (post_id, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE interactions (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source_file_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('retweet', 'quote', 'reply', 'mention', 'follow', 'endorse', 'edge')),
  post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,
  time INTEGER,
  weight REAL NOT NULL DEFAULT 1,
  topic TEXT,
  directed INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX interactions_by_dataset ON interactions (dataset_id, kind);

CREATE TABLE cascades (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source_file_id INTEGER NOT NULL REFERENCES source_files(id) ON DELETE CASCADE,
  root_post_platform_id TEXT NOT NULL,
  root_account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  label TEXT
) STRICT;
CREATE INDEX cascades_by_dataset ON cascades (dataset_id);

CREATE TABLE cascade_nodes (
  cascade_id INTEGER NOT NULL REFERENCES cascades(id) ON DELETE CASCADE,
  node_index INTEGER NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  post_platform_id TEXT NOT NULL,
  parent_index INTEGER,
  delay_minutes REAL NOT NULL,
  PRIMARY KEY (cascade_id, node_index)
) STRICT, WITHOUT ROWID;
`;
