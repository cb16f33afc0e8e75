import { initialSchema } from './001-initial';
import { runsSchema } from './002-runs';
import { graphChunksSchema } from './003-graph-chunks';
import { auditRunsSchema } from './004-audit-runs';
import { derivationSchema } from './005-derivation';
import { stagingSchema } from './006-staging';
import { runWarningsSchema } from './007-run-warnings';

/** Numbered migrations; entry N brings a database from user_version N to N + 1. Append only, never edit one. */
export const migrations: readonly string[] = [initialSchema, runsSchema, graphChunksSchema, auditRunsSchema, derivationSchema,
  stagingSchema, runWarningsSchema];

export const schemaVersion = migrations.length;
