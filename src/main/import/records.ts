import type { InteractionKind, PostKind } from '../../shared/domain';

/** What importers emit: the canonical model of SPEC.md, with accounts and posts named by their platform ids. */
export interface AccountRecord {
  platformId: string;
  handle?: string | null;
  displayName?: string | null;
  bio?: string | null;
  location?: string | null;
  followers?: number | null;
  following?: number | null;
  postCount?: number | null;
  createdAt?: number | null;
  attributes?: Record<string, unknown> | null;
}

export interface PostRecord {
  platformId: string;
  authorPlatformId: string;
  createdAt?: number | null;
  text?: string | null;
  lang?: string | null;
  kind: PostKind;
  refPlatformId?: string | null;
  hashtags?: readonly string[];
}

/**
 * Who an interaction is aimed at. Tweet formats do not always carry the id: older v2 mentions give only a handle,
 * and a retweet may name only the retweeted post, whose author is learned from another page or file. Those are
 * resolved when the import finishes, and counted as unresolved when they cannot be.
 */
export type TargetRef =
  | { platformId: string; handle?: string | null }
  | { handle: string }
  | { authorOfPost: string; handle?: string | null };

export interface InteractionRecord {
  actorPlatformId: string;
  target: TargetRef;
  kind: InteractionKind;
  postPlatformId?: string | null;
  time?: number | null;
  weight?: number;
  topic?: string | null;
  directed?: boolean;
  /** A reply's mention whose reply target is known only by post: not stored when both resolve to one account. */
  unlessTargetOf?: TargetRef;
}

export interface CascadeNodeRecord {
  accountPlatformId: string;
  postPlatformId: string;
  parentIndex: number | null;
  delayMinutes: number;
}

export interface CascadeRecord {
  rootPostPlatformId: string;
  label?: string | null;
  /** nodes[0] is the root. */
  nodes: readonly CascadeNodeRecord[];
}

/** Where importers put what they read. */
export interface ImportSink {
  account(record: AccountRecord): void;
  /** An account known only by id (and perhaps handle): kept as a placeholder unless it already exists. */
  accountRef(platformId: string, handle?: string | null): void;
  /** Returns false when the post was already stored (from this import or an earlier one): derive nothing from it. */
  post(record: PostRecord): boolean;
  interaction(record: InteractionRecord): void;
  cascade(record: CascadeRecord): void;
}
