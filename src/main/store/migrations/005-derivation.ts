/**
 * What a dataset's rows were derived under. `derivation_version` is the importer's derivation rules (SPEC.md,
 * "Derivation rules") when the dataset was imported: rows already stored keep version 1, the rules before a reply's
 * own "@" stopped counting as a second mention; an import under newer rules records its version. `edge_direction`
 * is what the plain `edge` rows of its graph files mean, as declared at import (`--edges`): NULL when undeclared.
 * `rows_sha256` is the digest of its derived rows, written at the end of each import (NULL: computed when read).
 */
export const derivationSchema = `
ALTER TABLE datasets ADD COLUMN derivation_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE datasets ADD COLUMN edge_direction TEXT CHECK (edge_direction IN ('attention', 'influence'));
ALTER TABLE datasets ADD COLUMN rows_sha256 TEXT;
`;
