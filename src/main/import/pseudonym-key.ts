import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db';
import { movedPseudonymKeysDir, pseudonymKeyPath } from '../store/paths';
import { eraseSetting, getSetting, setSetting } from '../store/settings';
import { ImportError } from './errors';

/** Where versions before the key file kept the key: in the database itself, which made pseudonyms reversible. */
const LEGACY_KEY_SETTING = 'pseudonym_key';
/** The fingerprint of the key this database's pseudonyms were made with (not the key: an HMAC of a constant). */
const KEY_ID_SETTING = 'pseudonym_key_id';
/**
 * A fixed salt, so that the same passphrase gives the same pseudonyms on every machine (colleagues pseudonymise
 * alike); scrypt's cost (N = 2^15, 32 MiB, about 0.1 s) is what slows a dictionary attack on the passphrase.
 */
const PASSPHRASE_SALT = 'influence-lens pseudonyms v1';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface KeySource {
  /** A passphrase instead of the user's key file (`--passphrase-env VAR`). */
  passphrase?: string;
  env?: NodeJS.ProcessEnv;
}

export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('influence-lens key fingerprint').digest('hex').slice(0, 16);
}

/**
 * The key for a pseudonymised import into this database. A key an older version stored in the database is moved
 * out first (legacyKeyMoved). The database records only the key's fingerprint, so an import with another key
 * (another user's file, another passphrase) is refused instead of mixing two sets of pseudonyms.
 */
export function pseudonymKeyFor(db: Db, source: KeySource = {}): Buffer {
  const env = source.env ?? process.env;
  moveLegacyKey(db, env);
  const key = source.passphrase !== undefined ? passphraseKey(source.passphrase) : userKey(env);
  const recorded = getSetting(db, KEY_ID_SETTING);
  const fingerprint = keyFingerprint(key);
  if (recorded === undefined) {
    setSetting(db, KEY_ID_SETTING, fingerprint);
    return key;
  }
  if (recorded === fingerprint) return key;
  const moved = readKeyFile(path.join(movedPseudonymKeysDir(env), `${recorded}.key`));
  if (moved && source.passphrase === undefined) return moved;
  throw new ImportError(db.name, {}, `this database's pseudonyms were made with another key (key id ${recorded}; ` +
    `this ${source.passphrase !== undefined ? 'passphrase' : 'key file'} is ${fingerprint}): use the same key file ` +
    'or passphrase, or a new database, so that one person keeps one pseudonym');
}

export function passphraseKey(passphrase: string): Buffer {
  if (passphrase.length < 12) throw new ImportError('passphrase', {}, 'the pseudonym passphrase must be at least 12 characters');
  return scryptSync(passphrase.normalize('NFC'), PASSPHRASE_SALT, 32, SCRYPT);
}

/** The user's key file, created on first use with mode 0600 in a 0700 folder. */
export function userKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const file = pseudonymKeyPath(env);
  const existing = readKeyFile(file);
  if (existing) return existing;
  return writeKeyFile(file, randomBytes(32)) ?? readKeyFile(file)!;
}

/**
 * An older database's key leaves it: it becomes the user's key when the user has none (so its pseudonyms carry
 * on), else it is kept beside it under its fingerprint; then it is erased from the database.
 */
function moveLegacyKey(db: Db, env: NodeJS.ProcessEnv): void {
  const legacy = getSetting(db, LEGACY_KEY_SETTING);
  if (legacy === undefined) return;
  const key = Buffer.from(legacy, 'hex');
  const fingerprint = keyFingerprint(key);
  const current = readKeyFile(pseudonymKeyPath(env));
  if (!current) writeKeyFile(pseudonymKeyPath(env), key);
  else if (!current.equals(key)) writeKeyFile(path.join(movedPseudonymKeysDir(env), `${fingerprint}.key`), key);
  if (getSetting(db, KEY_ID_SETTING) === undefined) setSetting(db, KEY_ID_SETTING, fingerprint);
  eraseSetting(db, LEGACY_KEY_SETTING);
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new ImportError(file, {}, 'the pseudonym key file is not 64 hex digits; restore it from a backup');
  return Buffer.from(text, 'hex');
}

/** Writes a key file that did not exist (wx): returns null when another process created it first. */
function writeKeyFile(file: string, key: Buffer): Buffer | null {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  return key;
}
