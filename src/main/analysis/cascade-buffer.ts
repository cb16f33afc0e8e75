import type { CascadeParents } from './cascade-parents';
import { treeMetrics, type TreeMetrics } from './cascade-tree';

/** A cascade's metrics, its accounts still as row ids (they are looked up once, for all cascades together). */
export interface MeasuredTree {
  cascadeId: number | null;
  rootPostId: string;
  rootAccount: number;
  label: string | null;
  source: 'tree' | 'reconstructed';
  parents: CascadeParents;
  metrics: TreeMetrics;
  /** The account row id of each of `metrics.top_spreaders`. */
  spreaderAccounts: number[];
}

/** One tree at a time in arrays reused from tree to tree, so that 100k cascades do not allocate 300k arrays more. */
export class TreeBuffer {
  private parent = new Int32Array(256).fill(-1);
  private delay = new Float64Array(256);
  private owner = new Int32Array(256);
  private size = 0;

  set(index: number, parent: number, delayMinutes: number, owner: number): void {
    if (index >= this.parent.length) this.grow(index + 1);
    this.parent[index] = parent;
    this.delay[index] = delayMinutes;
    this.owner[index] = owner;
    this.size = Math.max(this.size, index + 1);
  }

  measure(): Pick<MeasuredTree, 'metrics' | 'spreaderAccounts'> {
    const owner = this.owner.subarray(0, this.size);
    const metrics = treeMetrics(this.parent.subarray(0, this.size), this.delay.subarray(0, this.size), owner);
    return { metrics, spreaderAccounts: metrics.top_spreaders.map((spreader) => owner[spreader.node]!) };
  }

  /** Node indices never set (a gap in a stored tree) keep parent -1, so they stay outside the tree. */
  clear(): void {
    this.parent.fill(-1, 0, this.size);
    this.size = 0;
  }

  private grow(needed: number): void {
    let capacity = this.parent.length;
    while (capacity < needed) capacity *= 2;
    const parent = new Int32Array(capacity).fill(-1);
    parent.set(this.parent);
    const delay = new Float64Array(capacity);
    delay.set(this.delay);
    const owner = new Int32Array(capacity);
    owner.set(this.owner);
    [this.parent, this.delay, this.owner] = [parent, delay, owner];
  }
}
