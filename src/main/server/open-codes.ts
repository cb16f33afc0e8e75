import { randomBytes } from 'node:crypto';

/** How long a one-time open path works: long enough for a browser to start, short enough to be useless later. */
export const OPEN_CODE_LIFETIME_MS = 60_000;

/**
 * One-time codes for `/open/<code>`: `--open` hands the browser this path instead of the token, so the token never
 * appears on a command line (visible to every local user in the process list). A code works once, within
 * OPEN_CODE_LIFETIME_MS of being issued.
 */
export class OneTimeCodes {
  private readonly issued = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const code = randomBytes(24).toString('hex');
    this.issued.set(code, this.now() + OPEN_CODE_LIFETIME_MS);
    return code;
  }

  /** True once for a code issued less than the lifetime ago; the code is spent either way. */
  redeem(code: string): boolean {
    const expires = this.issued.get(code);
    this.issued.delete(code);
    for (const [other, otherExpires] of this.issued) if (otherExpires <= this.now()) this.issued.delete(other);
    return expires !== undefined && this.now() < expires;
  }
}
