import type { ImportContext } from '../context';
import type { ImportError, SourceLocation } from '../errors';
import { checkWeight } from '../weights';
import { jsonErrorIndex, TOO_DEEP, tooDeepAt } from './json-text';
import { describe, isObject, shortJson } from './tweets';

/**
 * Read whole, so bounded: V8 strings stop at about 536 million characters, and the parsed lists take several
 * times the text's size. 512 MB is far above any network of this shape (the Congress file is 0.7 MB).
 */
const MAX_BYTES = 512_000_000;
const LISTS = ['inList', 'inWeight', 'outList', 'outWeight', 'usernameList'] as const;
const SHAPE = `{${LISTS.join(', ')}}`;

type Network = Record<(typeof LISTS)[number], unknown[]>;

/**
 * The Congress network authors' adjacency file (gsprint23/CongressionalTwitterNetwork, congress_network_data.json):
 * `[{inList, inWeight, outList, outWeight, usernameList}]`, one entry per node in each list. Node i is the account
 * String(i) with the handle usernameList[i]; each j at outList[i][k] is one directed `edge` i -> j weighing
 * outWeight[i][k], as in the authors' congress.edgelist. inList describes the same edges from the other end, so it
 * is only checked against outList, not imported a second time.
 */
export async function importNetworkJson(context: ImportContext): Promise<void> {
  const { source, sink } = context;
  if (source.size > MAX_BYTES) {
    throw source.error(`the file is ${Math.round(source.size / 1e6)} MB; a network JSON file is read whole, so files over ` +
      `${MAX_BYTES / 1e6} MB are refused: write the network as an edge list ("i j {'weight': w}" per line) instead`, {});
  }
  const chunks: string[] = [];
  for await (const chunk of source.text()) chunks.push(chunk);
  const text = chunks.join('');
  // Problems found after parsing are placed at the list they concern: the file is one line of 0.7 MB.
  const offsets = new Map<string, number>();
  const at = (list: string): SourceLocation => {
    if (!offsets.has(list)) offsets.set(list, keyOffset(text, list));
    return { offset: offsets.get(list)! };
  };
  const network = networkOf(context, parseJson(context, text), at);
  const nodes = network.usernameList.length;
  network.usernameList.forEach((name, node) => {
    if (name !== null && typeof name !== 'string') context.invalid(`expected usernameList[${node}] to be a handle, found ${shortJson(name)}`, at('usernameList'));
    sink.account({ platformId: String(node), handle: typeof name === 'string' && name !== '' ? name : null });
  });
  let edges = 0;
  network.outList.forEach((targets, node) => {
    const weights = network.outWeight[node] as unknown[];
    (targets as unknown[]).forEach((target, k) => {
      if (++edges % 10_000 === 0) context.checkCancelled();
      const weight = weights[k];
      if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= nodes) {
        return context.invalid(`expected outList[${node}][${k}] to be a node index from 0 to ${nodes - 1}, found ${shortJson(target)}`, at('outList'));
      }
      if (typeof weight !== 'number') {
        return context.invalid(`expected outWeight[${node}][${k}] to be a number, found ${shortJson(weight)}`, at('outWeight'));
      }
      const checked = checkWeight(weight);
      if (typeof checked === 'string') return context.invalid(`outWeight[${node}][${k}]: ${checked}`, at('outWeight'));
      sink.interaction({ actorPlatformId: String(node), target: { platformId: String(target) }, kind: 'edge', weight,
        time: null, directed: true });
    });
  });
}

function parseJson(context: ImportContext, text: string): unknown {
  const deep = tooDeepAt(text);
  if (deep !== -1) throw context.source.error(TOO_DEEP, { offset: Buffer.byteLength(text.slice(0, deep)) });
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // Locations in ImportError are byte offsets; V8 gives a character index (or quotes the text around it).
    const offset = Buffer.byteLength(text.slice(0, jsonErrorIndex(text, message)));
    throw context.source.error(`malformed JSON: ${message}`, { offset });
  }
}

/**
 * The network object, with every list one entry per node and each node's targets and weights paired up. Problems
 * of shape stop the import even with --skip-invalid: with lists out of step, no edge can be trusted.
 */
function networkOf(context: ImportContext, value: unknown, at: (list: string) => SourceLocation): Network {
  const fail = (reason: string, list?: string): ImportError => context.source.error(reason, list ? at(list) : { offset: 0 });
  if (Array.isArray(value) && value.length !== 1) {
    throw fail(`expected an array holding one network object ${SHAPE}, found ${value.length} elements`);
  }
  const object: unknown = Array.isArray(value) ? value[0] : value;
  if (!isObject(object)) throw fail(`expected a network object ${SHAPE}, found ${describe(object)}`);
  for (const list of LISTS) {
    if (!Array.isArray(object[list])) throw fail(`the network has no "${list}" list; expected ${SHAPE}`, list);
  }
  const network = object as Network;
  const nodes = network.usernameList.length;
  for (const list of LISTS) {
    const length = network[list].length;
    if (length !== nodes) throw fail(`${list} has ${length} entries but usernameList has ${nodes}; each list has one entry per node`, list);
  }
  const inEdges = pairedCount(network, 'inList', 'inWeight', fail);
  const outEdges = pairedCount(network, 'outList', 'outWeight', fail);
  if (inEdges !== outEdges) {
    throw fail(`inList holds ${inEdges} edges but outList holds ${outEdges}; both must list the same edges`, 'inList');
  }
  return network;
}

/** The number of edges in a node list, after checking that each node has as many weights as neighbours. */
function pairedCount(network: Network, list: 'inList' | 'outList', weights: 'inWeight' | 'outWeight',
  fail: (reason: string, list?: string) => ImportError): number {
  let count = 0;
  network[list].forEach((neighbours, node) => {
    const paired = network[weights][node];
    if (!Array.isArray(neighbours)) throw fail(`${list}[${node}] is ${describe(neighbours)}, not a list of nodes`, list);
    if (!Array.isArray(paired)) throw fail(`${weights}[${node}] is ${describe(paired)}, not a list of weights`, weights);
    if (neighbours.length !== paired.length) {
      throw fail(`${list}[${node}] has ${neighbours.length} nodes but ${weights}[${node}] has ${paired.length} weights`, weights);
    }
    count += neighbours.length;
  });
  return count;
}

/** The byte offset of `"list":` in the text (0 if absent): where a problem with that list is shown. */
function keyOffset(text: string, list: string): number {
  const match = new RegExp(`"${list}"\\s*:`).exec(text);
  return match ? Buffer.byteLength(text.slice(0, match.index)) : 0;
}
