import type { CaseKind, TopicsOutput, TopOutput } from '../../shared/audit';
import type { DetectedCase } from '../audit/case';
import { loadAuditData, type AuditData } from '../audit/data';
import { auditLabeller, topicEvidenceRow } from '../audit/labels';
import { normalizeLocation, placeIndex, placeSummary, type PlaceSummary } from '../audit/places';
import { assignTopics } from '../audit/topics/assign';
import { misattributionFlags } from '../audit/topics/flags';
import { defaultVocabulary } from '../audit/topics/vocabulary';
import { JobError } from '../jobs/errors';
import type { Db } from '../store/db';
import { withReadConnection } from './connection';

// Each of these loads the whole dataset (accounts, posts, interactions) into memory and assigns every topic: about
// as much work as an audit, so it runs on a job thread with its own connection, never on the engine's.

export interface TopicsJob {
  dbPath: string;
  datasetId: number;
  account: string;
  showMinors: boolean;
}
export interface TopJob {
  dbPath: string;
  datasetId: number;
  topic: string;
  place?: string;
  limit: number;
}
export interface PlacesJob {
  dbPath: string;
  datasetId: number;
  top: number;
}

/** The flag kinds of each (account, topic) assignment. */
function flagsByAssignment(flags: DetectedCase[]): Map<string, CaseKind[]> {
  const byKey = new Map<string, CaseKind[]>();
  for (const flag of flags) {
    const key = `${flag.accounts[0]}:${flag.topic}`;
    byKey.set(key, [...(byKey.get(key) ?? []), flag.kind]);
  }
  return byKey;
}

function topicsOf(db: Db, datasetId: number) {
  const data = loadAuditData(db, datasetId);
  const assignments = assignTopics(data, defaultVocabulary());
  return { data, assignments, flags: flagsByAssignment(misattributionFlags(data, assignments)) };
}

/** The account's node, by platform id or else by handle (case-insensitive, with or without @). */
function nodeOf(data: AuditData, account: string): number {
  const byId = data.accounts.platformIds.indexOf(account);
  if (byId >= 0) return byId;
  const reference = account.replace(/^@/, '').toLowerCase();
  const byHandle = data.accounts.handles.findIndex((handle) => handle?.toLowerCase() === reference);
  if (byHandle < 0) throw new JobError('not_found', `no account "${account}" in this dataset (by id or handle)`);
  return byHandle;
}

/** One account's topics (LASTA-style), each with its evidence and misattribution flags. */
export const auditTopics = (job: TopicsJob) =>
  withReadConnection(job.dbPath, (db): { value: TopicsOutput } => {
    const { data, assignments, flags } = topicsOf(db, job.datasetId);
    const node = nodeOf(data, job.account);
    const label = auditLabeller(data, job.showMinors);
    const topics = assignments
      .filter((assignment) => assignment.account === node)
      .map((assignment) => ({
        topic: assignment.topic,
        strength: assignment.strength,
        posts: assignment.posts,
        flags: flags.get(`${node}:${assignment.topic}`) ?? [],
        thin_evidence: assignment.thinEvidence,
        evidence: assignment.evidence.map((row) => label.evidence(topicEvidenceRow(data, row))),
      }));
    return { value: { account: label.account(node), topics } };
  });

/** Platform ids in SQLite's binary order (the order `ORDER BY platform_id` lists them). */
const byPlatformId = (ids: readonly string[]) => (x: number, y: number) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0);

/**
 * The accounts strongest in a topic, optionally within a place. Equal strengths by platform id: by node (row
 * order) the list would change with the order the dataset's lines were imported in.
 */
export const auditTop = (job: TopJob) =>
  withReadConnection(job.dbPath, (db): { value: TopOutput } => {
    const wanted = job.topic.replace(/^#/, '').toLowerCase();
    const topic = defaultVocabulary().find((t) => t.id === wanted || t.label.toLowerCase() === wanted || t.terms.includes(wanted))?.id ?? wanted;
    const place = job.place === undefined ? null : normalizeLocation(job.place);
    if (job.place !== undefined && place === null) throw new JobError('not_found', `no place "${job.place}" in the gazetteer`);
    const { data, assignments, flags } = topicsOf(db, job.datasetId);
    const index = placeIndex(data);
    const inPlace = job.place === undefined ? null : new Set(index.accountsIn(job.place));
    const label = auditLabeller(data, false);
    const tieBreak = byPlatformId(data.accounts.platformIds);
    const ranked = assignments
      .filter((a) => a.topic === topic && (inPlace === null || inPlace.has(a.account)))
      .sort((a, b) => b.strength - a.strength || tieBreak(a.account, b.account))
      .slice(0, job.limit);
    const accounts = ranked.map((a) => ({
      ...label.account(a.account),
      strength: a.strength,
      posts: a.posts,
      place: index.placeOf(a.account)?.label ?? null,
      flags: flags.get(`${a.account}:${a.topic}`) ?? [],
    }));
    return { value: { topic, place, accounts } };
  });

export const auditPlaces = (job: PlacesJob) =>
  withReadConnection(job.dbPath, (db): { value: PlaceSummary } => ({ value: placeSummary(loadAuditData(db, job.datasetId), job.top) }));
