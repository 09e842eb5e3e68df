import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  claimCaseRow,
  getCallFacts,
  getCase,
  listCaseDecisions,
  listCaseFlags,
  listCaseQueue,
  listPenalties,
  listUtterancesAround,
  releaseCaseRow,
  type CaseRow,
  type QueueFilter,
  type QueueRow,
  type Queryable,
} from '../../db/queries/moderation.js';
import { merchantScope, notFound, record, requireRole, REVIEWER_ROLES, type Actor } from './actor.js';
import type { ModerationSettings } from './settings.js';

export type QueueQuery = Omit<QueueFilter, 'merchantId' | 'statuses'> & { status?: CaseRow['status'] };

/** Reviewers get the live queue; merchant staff get their own merchant's cases, any status. */
export async function listCases(sql: Sql, actor: Actor, query: QueueQuery): Promise<QueueRow[]> {
  const scope = merchantScope(actor);
  const statuses: CaseRow['status'][] = query.status
    ? [query.status]
    : scope === null
      ? ['open', 'claimed']
      : ['open', 'claimed', 'decided', 'closed'];
  return listCaseQueue(sql, { ...query, merchantId: scope, statuses });
}

/** The evidence view: every flag with its context lines, spans, audio offsets, rule and verdicts. */
export async function getCaseView(sql: Sql, actor: Actor, id: string) {
  const kase = await getCase(sql, id, merchantScope(actor));
  if (!kase) throw notFound('case');
  const [call, flags, decisions, penalties] = await Promise.all([
    getCallFacts(sql, kase.callId),
    listCaseFlags(sql, id),
    listCaseDecisions(sql, id),
    listPenalties(sql, kase.merchantId, { caseId: id }),
  ]);
  const context = await listUtterancesAround(
    sql,
    kase.callId,
    flags.map((f) => f.utteranceSeq),
    2,
  );
  const decisionOf = new Map(decisions.map((d) => [d.flagId, d]));
  return {
    case: kase,
    call: call && {
      id: call.id,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      language: call.language,
      audioUri: call.audioUri,
    },
    utterances: context,
    flags: flags.map((f) => ({ ...f, decision: decisionOf.get(f.id) ?? null })),
    penalties,
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;

export async function claimCase(sql: Sql, actor: Actor, id: string, settings: ModerationSettings): Promise<CaseRow> {
  requireRole(actor, REVIEWER_ROLES);
  return sql.begin(async (tx) => {
    const before = await getCase(tx, id);
    if (!before) throw notFound('case');
    const row = await claimCaseRow(tx, id, actor.id, settings.claimMinutes);
    if (!row) throw await whyNotHeld(tx, id, actor.id);
    await record(tx, actor, 'case.claimed', { type: 'case', id }, before, row);
    return row;
  }) as Promise<CaseRow>;
}

export async function releaseCase(sql: Sql, actor: Actor, id: string): Promise<CaseRow> {
  requireRole(actor, REVIEWER_ROLES);
  return sql.begin(async (tx) => {
    const before = await getCase(tx, id);
    if (!before) throw notFound('case');
    const row = await releaseCaseRow(tx, id, actor.id);
    if (!row) throw await whyNotHeld(tx, id, actor.id);
    await record(tx, actor, 'case.released', { type: 'case', id }, before, row);
    return row;
  }) as Promise<CaseRow>;
}

/** Names why the caller does not (or cannot) hold the case, after a conditional update missed. */
export async function whyNotHeld(q: Queryable, id: string, userId: string): Promise<KefuError> {
  const now = await getCase(q, id);
  if (!now) return notFound('case');
  if (now.status === 'decided' || now.status === 'closed')
    return new KefuError('CONFLICT', 'This case has already been decided.');
  if (now.claimedBy === userId)
    return new KefuError('CLAIM_EXPIRED', 'Your claim on this case has expired; claim it again.');
  if (now.claimedBy && now.claimExpiresAt && now.claimExpiresAt > new Date()) {
    return new KefuError('CONFLICT', 'Another moderator holds this case.');
  }
  return new KefuError('CONFLICT', 'Claim this case before acting on it.');
}
