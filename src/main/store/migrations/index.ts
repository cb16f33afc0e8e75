import { initialSchema } from './001-initial';

/** Numbered migrations; entry N brings a database from user_version N to N + 1. Append only, never edit one. */
export const migrations: readonly string[] = [initialSchema];

export const schemaVersion = migrations.length;
