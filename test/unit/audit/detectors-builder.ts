import type { AuditData } from '../../../src/main/audit/data';
import { kindIndex } from '../../../src/main/audit/data';
import type { InteractionKind } from '../../../src/shared/domain';

export const DAY = 24 * 60 * 60 * 1000;
/** A fixed origin, so that expected window starts are plain arithmetic. */
export const T0 = Date.UTC(2024, 0, 1);
export const at = (days: number) => T0 + days * DAY;

/** Builds an AuditData by hand, one account, post or interaction at a time, each call returning its index. */
export class World {
  private readonly bios: (string | null)[] = [];
  private readonly postRows: { author: number; time: number; text: string; hashtags: string[] }[] = [];
  private readonly rows: { actor: number; target: number; kind: InteractionKind; time: number; topic: string | null }[] = [];

  account(bio: string | null = null): number {
    this.bios.push(bio);
    return this.bios.length - 1;
  }

  accounts(count: number): number[] {
    return Array.from({ length: count }, () => this.account());
  }

  post(author: number, time: number, text = '', hashtags: string[] = []): number {
    this.postRows.push({ author, time, text, hashtags });
    return this.postRows.length - 1;
  }

  interact(actor: number, target: number, kind: InteractionKind = 'mention', time = Number.NaN, topic: string | null = null): number {
    this.rows.push({ actor, target, kind, time, topic });
    return this.rows.length - 1;
  }

  /** `times` interactions of one kind from actor to target; returns their indices. */
  repeat(times: number, actor: number, target: number, kind: InteractionKind = 'mention', time = Number.NaN): number[] {
    return Array.from({ length: times }, () => this.interact(actor, target, kind, time));
  }

  build(): AuditData {
    const n = this.bios.length;
    const posts = this.postRows;
    const rows = this.rows;
    return {
      accounts: {
        count: n,
        rowIds: Int32Array.from({ length: n }, (_, i) => i + 1),
        platformIds: this.bios.map((_, i) => `u${i}`),
        handles: this.bios.map((_, i) => `user${i}`),
        bios: [...this.bios],
        locations: this.bios.map(() => null),
        followers: new Float64Array(n).fill(Number.NaN),
        following: new Float64Array(n).fill(Number.NaN),
      },
      posts: {
        count: posts.length,
        rowIds: Int32Array.from(posts, (_, i) => i + 1),
        platformIds: posts.map((_, i) => `p${i}`),
        author: Int32Array.from(posts, (p) => p.author),
        createdAt: Float64Array.from(posts, (p) => p.time),
        kind: new Uint8Array(posts.length),
        text: posts.map((p) => p.text),
        hashtags: posts.map((p) => p.hashtags),
        parent: new Int32Array(posts.length).fill(-1),
      },
      interactions: {
        count: rows.length,
        rowIds: Int32Array.from(rows, (_, i) => i + 1),
        actor: Int32Array.from(rows, (r) => r.actor),
        target: Int32Array.from(rows, (r) => r.target),
        kind: Uint8Array.from(rows, (r) => kindIndex(r.kind)),
        time: Float64Array.from(rows, (r) => r.time),
        weight: new Float64Array(rows.length).fill(1),
        topic: rows.map((r) => r.topic),
        post: new Int32Array(rows.length).fill(-1),
      },
    };
  }
}
