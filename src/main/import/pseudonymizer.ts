import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/settings';

const KEY_SETTING = 'pseudonym_key';

/**
 * Stable keyed pseudonyms: the key is created once per database and kept in its settings, so the same person
 * gets the same pseudonym in every dataset of that database, and nobody without the key can reverse them.
 */
export class Pseudonymizer {
  constructor(private readonly key: Buffer) {}

  static forDatabase(db: Db): Pseudonymizer {
    let key = getSetting(db, KEY_SETTING);
    if (!key) {
      key = randomBytes(32).toString('hex');
      setSetting(db, KEY_SETTING, key);
    }
    return new Pseudonymizer(Buffer.from(key, 'hex'));
  }

  /** Handles compare case-insensitively on Twitter, so their pseudonyms do too. */
  handle(handle: string): string {
    return `user_${this.digest(`handle:${handle.toLowerCase()}`)}`;
  }

  displayName(platformId: string): string {
    return `Person ${this.digest(`name:${platformId}`)}`;
  }

  /** Replaces every @handle in a text by its pseudonym. */
  text(text: string): string {
    return text.replace(/@(\w{1,50})/g, (_, handle: string) => `@${this.handle(handle)}`);
  }

  private digest(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('hex').slice(0, 12);
  }
}
