import type { ImportContext } from '../context';
import { excerpt } from '../errors';

/** A node of a propagation tree: the triple (uid, tweet id, delay as written), which is what identifies it. */
interface TreeNode {
  uid: string;
  tweetId: string;
  delay: number;
  index: number;
  parent: TreeNode | null;
}

type Triple = [uid: string, tweetId: string, delay: string];

const EXPECTED = "['uid', 'tweet_id', 'delay']->['uid', 'tweet_id', 'delay'] with a numeric delay";

/**
 * A Twitter15/16 propagation tree file (SPEC.md, "Propagation-tree files"): one cascade, and one interaction per
 * distinct parent -> child line, running child account -> parent account (`retweet` when the child's tweet is the
 * root tweet, else `reply`). The whole file is read before anything is emitted because the ROOT line, and the
 * first line naming a node's parent, may come after lines that use them.
 */
export async function importTree(context: ImportContext): Promise<void> {
  const { source, sink } = context;
  const nodes = new Map<string, TreeNode>();
  const edges: [parent: TreeNode, child: TreeNode][] = [];
  const seenLines = new Set<string>();
  let root: TreeNode | undefined;
  let rootLine = 0;
  const nodeOf = ([uid, tweetId, delay]: Triple): TreeNode => {
    const key = `${uid}\u0000${tweetId}\u0000${delay}`;
    let node = nodes.get(key);
    if (!node) nodes.set(key, (node = { uid, tweetId, delay: Number(delay), index: -1, parent: null }));
    return node;
  };

  await source.eachLine((line) => {
    if (source.line % 10_000 === 0) context.checkCancelled();
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if (!parsed) {
      context.invalid(`expected ${EXPECTED}, found ${excerpt(line)}`);
      return;
    }
    const [parent, child] = parsed;
    // The same edge written twice (common in the release) is one edge; compare the parsed values, not the text.
    const key = [...parent, ...child].join('\u0000');
    if (seenLines.has(key)) return;
    seenLines.add(key);
    if (parent[0] === 'ROOT' && parent[1] === 'ROOT') {
      if (root) {
        context.invalid(`a second ROOT line ${excerpt(line)}; the root was already named on line ${rootLine}`);
        return;
      }
      root = nodeOf(child);
      rootLine = source.line;
      return;
    }
    edges.push([nodeOf(parent), nodeOf(child)]);
  });
  if (!root) {
    throw source.error(`the file ends after ${source.line} line(s) without a ROOT line: a propagation tree names its source ` +
      "tweet on a line ['ROOT', 'ROOT', '0.0']->['uid', 'tweet_id', 'delay']", { offset: source.bytesRead });
  }

  // The root first, then every node in the order it first appears in the file.
  const ordered = [root, ...[...nodes.values()].filter((node) => node !== root)];
  ordered.forEach((node, index) => (node.index = index));
  attachParents(root, edges);

  for (const node of ordered) sink.accountRef(node.uid);
  for (const [parent, child] of edges) {
    sink.interaction({
      actorPlatformId: child.uid,
      target: { platformId: parent.uid },
      kind: child.tweetId === root.tweetId ? 'retweet' : 'reply',
      weight: 1,
      time: null,
      directed: true,
    });
  }
  sink.cascade({
    rootPostPlatformId: root.tweetId,
    label: context.options.cascadeLabels?.get(root.tweetId) ?? null,
    nodes: ordered.map((node) => ({
      accountPlatformId: node.uid,
      postPlatformId: node.tweetId,
      parentIndex: node.parent ? node.parent.index : null,
      // Kept as given even when smaller than the parent's: the release has such children, and the tree is the data.
      delayMinutes: node.delay,
    })),
  });
}

/**
 * Gives each node the first parent the file names for it. Real files also list a node under a second parent, under
 * itself, and the root under one of its descendants; a parent that would close a cycle is passed over, so the
 * result is always a tree (nodes that never get a parent keep parentIndex null). The walk up is O(depth) per edge,
 * which stays small for retweet cascades.
 */
function attachParents(root: TreeNode, edges: readonly [TreeNode, TreeNode][]): void {
  for (const [parent, child] of edges) {
    if (child === root || child.parent !== null || descendsFrom(parent, child)) continue;
    child.parent = parent;
  }
}

function descendsFrom(node: TreeNode, ancestor: TreeNode): boolean {
  for (let at: TreeNode | null = node; at !== null; at = at.parent) if (at === ancestor) return true;
  return false;
}

function parseLine(line: string): [Triple, Triple] | undefined {
  const arrow = line.indexOf('->');
  if (arrow === -1) return undefined;
  const parent = parseTriple(line.slice(0, arrow));
  const child = parseTriple(line.slice(arrow + 2));
  return parent && child ? [parent, child] : undefined;
}

/** `['uid', 'tweet_id', 'delay']`: Python's repr of a list of three strings, as the release wrote it. */
function parseTriple(text: string): Triple | undefined {
  const body = text.trim();
  if (!body.startsWith('[') || !body.endsWith(']')) return undefined;
  const parts = body.slice(1, -1).split(',');
  if (parts.length !== 3) return undefined;
  const [uid, tweetId, delay] = parts.map(unquote);
  if (!uid || !tweetId || !delay) return undefined;
  if (!Number.isFinite(Number(delay))) return undefined;
  return [uid, tweetId, delay];
}

function unquote(part: string): string | undefined {
  const value = part.trim();
  const quote = value[0];
  if (value.length < 2 || (quote !== "'" && quote !== '"') || value[value.length - 1] !== quote) return undefined;
  return value.slice(1, -1).trim();
}
