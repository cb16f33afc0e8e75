import { generateOrdinary } from './ordinary';
import { plantBot, plantBurst, plantConcentrated, plantFollowBack, plantRing, plantScoreJump } from './plant-gaming';
import { plantEndorsementOnly, plantLowShare, plantMinor, plantNegated, plantSenseConflict, plantSinglePost } from './plant-topics';
import { tameScoreJumps } from './tame';
import { WorldBuilder, type World } from './world';

export interface GenerateOptions {
  seed: number;
  accounts: number;
}

export const MIN_ACCOUNTS = 100;
export const MAX_ACCOUNTS = 1_000_000;
/** Accounts one copy of every planted case and control can use at most (a ring of 6 and the largest helpers). */
const RESERVED_PER_COPY = 48;

/** Copies of each planted case: one in a small world, several from 2,000 accounts (the issue asks for that). */
export function copiesFor(accounts: number): number {
  return accounts < 2_000 ? 1 : accounts < 10_000 ? 3 : 5;
}

/**
 * A seeded social world: ordinary accounts first (follows, posts, cascades, endorsements, then the score-jump
 * guard), then each planted case and its control on reserved accounts, with ordinary accounts as their audience.
 */
export function generateWorld({ seed, accounts }: GenerateOptions): World {
  if (!Number.isInteger(accounts) || accounts < MIN_ACCOUNTS || accounts > MAX_ACCOUNTS) {
    throw new RangeError(`accounts must be an integer from ${MIN_ACCOUNTS} to ${MAX_ACCOUNTS}, got ${accounts}`);
  }
  const copies = copiesFor(accounts);
  const builder = new WorldBuilder(seed, accounts, accounts - copies * RESERVED_PER_COPY);
  generateOrdinary(builder);
  tameScoreJumps(builder);
  for (let copy = 0; copy < copies; copy++) {
    plantRing(builder, copy);
    plantConcentrated(builder, copy);
    plantBurst(builder, copy);
    plantScoreJump(builder, copy);
    plantFollowBack(builder);
    plantBot(builder, copy);
    plantSinglePost(builder, copy);
    plantNegated(builder, copy);
    plantSenseConflict(builder);
    plantEndorsementOnly(builder, copy);
    plantLowShare(builder, copy);
    plantMinor(builder);
  }
  return builder.world;
}
