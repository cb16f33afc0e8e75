import type { CaseKind } from '../../shared/audit';
import type { DetectedCase } from '../audit/case';
import { loadAuditData } from '../audit/data';
import { auditLabeller, topicEvidenceRow } from '../audit/labels';
import { normalizeLocation, placeIndex, placeSummary } from '../audit/places';
import { assignTopics } from '../audit/topics/assign';
import { misattributionFlags } from '../audit/topics/flags';
import { defaultVocabulary } from '../audit/topics/vocabulary';
import type { In, Out, ServiceContext } from './context';
import { requireDataset } from './datasets';
import { ServiceError } from './errors';

/** The flag kinds of each (account, topic) assignment. */
function flagsByAssignment(flags: DetectedCase[]): Map<string, CaseKind[]> {
  const byKey = new Map<string, CaseKind[]>();
  for (const flag of flags) {
    const key = `${flag.accounts[0]}:${flag.topic}`;
    byKey.set(key, [...(byKey.get(key) ?? []), flag.kind]);
  }
  return byKey;
}

function topicsOf(context: ServiceContext, datasetName: string) {
  const data = loadAuditData(context.db, requireDataset(context, datasetName).id);
  const assignments = assignTopics(data, defaultVocabulary());
  return { data, assignments, flags: flagsByAssignment(misattributionFlags(data, assignments)) };
}

/** Topics (LASTA-style, with evidence and flags), the places of a dataset, and topic rankings within a place. */
export const auditTopicHandlers = {
  'audit.topics': async (context: ServiceContext, input: In<'audit.topics'>): Promise<Out<'audit.topics'>> => {
    const { data, assignments, flags } = topicsOf(context, input.dataset);
    const reference = input.account.replace(/^@/, '').toLowerCase();
    const node = data.accounts.platformIds.indexOf(input.account) >= 0
      ? data.accounts.platformIds.indexOf(input.account)
      : data.accounts.handles.findIndex((handle) => handle?.toLowerCase() === reference);
    if (node < 0) throw new ServiceError('not_found', `no account "${input.account}" in this dataset (by id or handle)`);
    const label = auditLabeller(data, input.show_minors);
    return {
      account: label.account(node),
      topics: assignments
        .filter((assignment) => assignment.account === node)
        .map((assignment) => ({
          topic: assignment.topic,
          strength: assignment.strength,
          posts: assignment.posts,
          flags: flags.get(`${node}:${assignment.topic}`) ?? [],
          thin_evidence: assignment.thinEvidence,
          evidence: assignment.evidence.map((row) => label.evidence(topicEvidenceRow(data, row))),
        })),
    };
  },
  'audit.top': async (context: ServiceContext, input: In<'audit.top'>): Promise<Out<'audit.top'>> => {
    const { data, assignments, flags } = topicsOf(context, input.dataset);
    const wanted = input.topic.replace(/^#/, '').toLowerCase();
    const vocabulary = defaultVocabulary();
    const topic = vocabulary.find((t) => t.id === wanted || t.label.toLowerCase() === wanted || t.terms.includes(wanted))?.id ?? wanted;
    const place = input.place === undefined ? null : normalizeLocation(input.place);
    if (input.place !== undefined && place === null) throw new ServiceError('not_found', `no place "${input.place}" in the gazetteer`);
    const index = placeIndex(data);
    const inPlace = input.place === undefined ? null : new Set(index.accountsIn(input.place));
    const label = auditLabeller(data, false);
    const ranked = assignments
      .filter((a) => a.topic === topic && (inPlace === null || inPlace.has(a.account)))
      .sort((a, b) => b.strength - a.strength || a.account - b.account)
      .slice(0, input.limit);
    return {
      topic,
      place,
      accounts: ranked.map((a) => ({
        ...label.account(a.account),
        strength: a.strength,
        posts: a.posts,
        place: index.placeOf(a.account)?.name ?? null,
        flags: flags.get(`${a.account}:${a.topic}`) ?? [],
      })),
    };
  },
  'audit.places': async (context: ServiceContext, input: In<'audit.places'>): Promise<Out<'audit.places'>> =>
    placeSummary(loadAuditData(context.db, requireDataset(context, input.dataset).id), input.top),
};
