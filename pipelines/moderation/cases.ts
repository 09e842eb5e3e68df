import type { AppealOutcome, AppealStatus } from '../../core/moderation.js';
import { listOrderEvents } from '../../db/queries/order-events.js';
import { getLedgerPromise, orderFacts } from '../../db/queries/promise-ledger.js';
import { buyerWire } from '../../core/buyer.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  claimCaseRow,
  type CaseFlag,
  getCase,
  listCaseFlags,
  listCaseAppeals,
  listCaseQueue,
  releaseCaseRow,
  type CaseRow,
  type QueueFilter,
  type QueueRow,
} from '../../db/queries/moderation.js';
import { type DecisionRow, listCaseDecisions } from '../../db/queries/decisions.js';
import {
  getCallFacts,
  listCallFacts,
  listUtterancesAround,
  listUtterancesById,
  type CallFacts,
} from '../../db/queries/call-facts.js';
import type { Queryable } from '../../db/client.js';
import { merchantScope, notFound, record, requireRole, REVIEWER_ROLES, type Actor } from './actor.js';
import type { ModerationSettings } from './settings.js';
import { merchantStanding } from './standing.js';
import { decisionState } from './state.js';
import { getOrders } from '../../db/queries/orders.js';

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
  const [call, flags, decisions, appeals, standing] = await Promise.all([
    getCallFacts(sql, kase.callId),
    listCaseFlags(sql, id),
    listCaseDecisions(sql, id),
    listCaseAppeals(sql, id),
    merchantStanding(sql, kase.merchantId, 50),
  ]);
  const penalties = standing.penalties.filter((p) => p.caseId === id);
  const orders = call ? await getOrders(sql, kase.merchantId, call.orderIds) : [];
  const context = await listUtterancesAround(
    sql,
    kase.callId,
    flags.map((f) => f.utteranceSeq),
    2,
  );
  return {
    case: kase,
    merchant: standing.merchant,
    /** Beside the evidence: the orders the call was about, and the merchant's record elsewhere. */
    orders,
    history: {
      pointsInForce: standing.pointsInForce,
      decisions: standing.decisions.filter((d) => d.caseId !== id).slice(0, 20),
      penalties: standing.penalties.filter((p) => p.caseId !== id && p.state === 'in_force'),
    },
    call: call && callOfCase(call),
    utterances: context,
    flags: await withEvidence(sql, flags, decisions, appeals),
    penalties,
  };
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>;

/** Each flag with its decision's state now and, for a broken promise, the promise's evidence. */
async function withEvidence(sql: Sql, ...read: Parameters<typeof withDecisions>) {
  return Promise.all(
    withDecisions(...read).map(async (f) => ({ ...f, promise: await promiseEvidence(sql, f.promiseId) })),
  );
}

/** A broken promise's evidence beside its words: what was promised by when, and what the order system shows. */
async function promiseEvidence(sql: Sql, promiseId: string | null | undefined) {
  const p = promiseId ? await getLedgerPromise(sql, promiseId) : undefined;
  if (!p) return null;
  const [order, events] = p.orderId
    ? await Promise.all([orderFacts(sql, p.orderId), listOrderEvents(sql, p.orderId)])
    : [];
  const { action, deadline, dueAt, dueSource, amount, currency, orderId, saidAt } = p;
  return {
    action,
    deadline,
    dueAt,
    dueSource,
    amount,
    currency,
    orderId,
    saidAt,
    order: order ?? null,
    events: events ?? [],
  };
}

/**
 * A page of cases, each with its flags, decisions' states, flagged lines and penalties, read a set
 * at a time (one query per kind, the standing once per merchant): the merchant's flags page in one
 * answer instead of one request per case.
 */
export async function listCaseCards(sql: Sql, actor: Actor, query: QueueQuery) {
  const cases = await listCases(sql, actor, query);
  const ids = cases.map((c) => c.id);
  if (ids.length === 0) return [];
  const merchants = [...new Set(cases.map((c) => c.merchantId))];
  const [flags, decisions, appeals, calls, standings] = await Promise.all([
    listCaseFlags(sql, ids),
    listCaseDecisions(sql, ids),
    listCaseAppeals(sql, ids),
    listCallFacts(sql, [...new Set(cases.map((c) => c.callId))]),
    Promise.all(merchants.map((m) => merchantStanding(sql, m))),
  ]);
  const lines = await listUtterancesById(
    sql,
    flags.map((f) => f.utteranceId),
  );
  const callOf = new Map(calls.map((c) => [c.id, c]));
  const penalties = standings.flatMap((s) => s.penalties);
  const flagged = await withEvidence(sql, flags, decisions, appeals);
  return cases.map((kase) => {
    const own = flagged.filter((f) => f.caseId === kase.id);
    const call = callOf.get(kase.callId);
    return {
      case: kase,
      call: call ? callOfCase(call) : null,
      utterances: lines.filter((u) => own.some((f) => Number(f.utteranceId) === Number(u.id))),
      flags: own,
      penalties: penalties.filter((p) => p.caseId === kase.id),
    };
  });
}
export type CaseCard = Awaited<ReturnType<typeof listCaseCards>>[number];

/** Each flag with its decision and that decision's state now (appeal included): one reading for every page. */
function withDecisions(
  flags: CaseFlag[],
  decisions: DecisionRow[],
  appeals: {
    decisionId: string;
    id: string;
    status: AppealStatus;
    outcome: AppealOutcome | null;
  }[],
) {
  const appealOf = new Map(appeals.map((a) => [a.decisionId, a]));
  const decisionOf = new Map(
    decisions.map((d) => [
      d.flagId,
      { ...d, state: decisionState(d, appealOf.get(d.id)), appealId: appealOf.get(d.id)?.id ?? null },
    ]),
  );
  return flags.map((f) => ({ ...f, decision: decisionOf.get(f.id) ?? null }));
}

function callOfCase(call: CallFacts) {
  return {
    id: call.id,
    buyerId: call.buyerId,
    buyer: buyerWire(call.buyerId, call.buyerName),
    orderIds: call.orderIds,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    language: call.language,
  };
}

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

/**
 * Claims the open case whose SLA runs out first (overdue first, the queue's order). Candidates
 * are tried in order with the same conditional claim, so two moderators asking at once get two
 * different cases. Undefined when nothing is waiting.
 */
export async function claimNextCase(
  sql: Sql,
  actor: Actor,
  settings: ModerationSettings,
): Promise<CaseRow | undefined> {
  requireRole(actor, REVIEWER_ROLES);
  const waiting = await listCaseQueue(sql, { merchantId: null, statuses: ['open'], limit: 20, offset: 0 });
  for (const c of waiting) {
    const row = await sql.begin(async (tx) => {
      const won = await claimCaseRow(tx, c.id, actor.id, settings.claimMinutes);
      if (won) await record(tx, actor, 'case.claimed', { type: 'case', id: c.id }, c, won);
      return won;
    });
    if (row) return row as CaseRow;
  }
  return undefined;
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
