import { botTiming } from './bot-timing';
import { concentratedEngagement } from './concentrated-engagement';
import { endorsementBurst } from './endorsement-burst';
import { followBack } from './follow-back';
import { minor } from './minor';
import { reciprocityRing } from './reciprocity-ring';
import { scoreJump } from './score-jump';
import type { GamingDetector } from './shared';

export type { GamingDetector } from './shared';
export type { BotTimingOptions } from './bot-timing';
export type { ConcentratedEngagementOptions } from './concentrated-engagement';
export type { EndorsementBurstOptions } from './endorsement-burst';
export type { FollowBackOptions } from './follow-back';
export type { ReciprocityRingOptions } from './reciprocity-ring';
export type { ScoreJumpOptions } from './score-jump';

/**
 * The gaming detectors (docs/AUDIT.md, "Gaming detectors") in CASE_KINDS order. Each returns its cases ordered by
 * subject account (then topic), so running them in this order gives the audit's stable order: kind, then subject.
 */
export const gamingDetectors: readonly GamingDetector[] = [
  reciprocityRing,
  concentratedEngagement,
  endorsementBurst,
  scoreJump,
  followBack,
  botTiming,
  minor,
];
