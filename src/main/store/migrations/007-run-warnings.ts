/**
 * What a run's reader must know about its numbers, computed when it was scored (services/run-warnings.ts): a JSON
 * array of `{ code, message }`, e.g. `mostly_tied` or `no_interactions_counted`. NULL for runs stored before this
 * migration: nobody checked them, which is not the same as an empty list (nothing to say).
 */
export const runWarningsSchema = `
ALTER TABLE runs ADD COLUMN warnings TEXT CHECK (warnings IS NULL OR json_type(warnings) = 'array');
`;
