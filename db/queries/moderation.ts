import type postgres from 'postgres';
import type { ModerationCategory, Language, Severity } from '../../core/domain.js';
import type { Sql } from '../client.js';
import type { FlagRow, FlagVerdict } from './flags.js';

/** A client or an open transaction: moderation commands compose these inside one transaction. */
export type Queryable = postgres.ISql;

export interface CaseRow {
  id: string;
  merchantId: string;
  callId: string;
  status: 'open' | 'claimed' | 'decided' | 'closed';
  severity: Severity;
  openedAt: Date;
  slaDueAt: Date;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  decidedAt: Date | null;
}

export interface DecisionRow {
  id: string;
  caseId: string;
  flagId: string;
  outcome: 'upheld' | 'dismissed';
  reasonCode: string;
  reasonText: string;
  decidedBy: string | null;
  automatedDetection: boolean;
  automatedDecision: 'fully' | 'partially' | 'not';
  statement: Record<string, unknown> | null;
  decidedAt: Date;
  overturnedBy?: string | null;
  overturnedAt?: Date | null;
  overturn?: 'fully' | 'partly' | null;
}

export interface PenaltyRow {
  id: string;
  merchantId: string;
  caseId: string;
  decisionId: string | null;
  kind: 'warning' | 'points' | 'listing_restriction' | 'suspension';
  points: number;
  startsAt: Date;
  endsAt: Date | null;
  reversedAt: Date | null;
  reversalNote: string | null;
  reversedBy?: string | null;
  replaces?: string | null;
  /** The ladder rung it was computed at, and how many penalties stood before it (null: chosen by hand). */
  ladderStep?: number | null;
  standingBefore?: number | null;
}

export type CaseFlag = FlagRow & {
  verdicts: FlagVerdict[];
  utteranceSeq: number;
  /** The speech engine's confidence in the flagged utterance (null for a typed transcript). */
  sttConfidence: number | null;
  /** Whether recorded audio covers the flagged utterance (its clip can be played). */
  hasAudio: boolean;
};

const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];

/** `and <alias>.merchant_id = …` when the reader is bound to one merchant. */
export function merchantFilter(q: Queryable, alias: string, merchantId: string | null) {
  return merchantId === null ? q`` : q`and ${q(alias)}.merchant_id = ${merchantId}`;
}

/**
 * Opens (or reuses) the case for a merchant's call and attaches the call's unassigned flags.
 * The case's severity is the worst among its flags; new flags reopen a decided case.
 */
export async function openCaseForCall(
  sql: Sql,
  c: { merchantId: string; callId: string; slaHours: number },
): Promise<CaseRow | undefined> {
  return sql.begin(async (tx) => (await attachCallFlags(tx, c))?.case) as Promise<CaseRow | undefined>;
}

export async function attachCallFlags(
  q: Queryable,
  c: { merchantId: string; callId: string; slaHours: number },
): Promise<{ case: CaseRow; before: CaseRow | undefined; attached: FlagRow[] } | undefined> {
  const [worst] = await q<{ severity: Severity }[]>`
    select severity from flags
    where call_id = ${c.callId} and merchant_id = ${c.merchantId} and status = 'raised'
    order by array_position(${SEVERITY_ORDER}::text[], severity) desc limit 1`;
  if (!worst) return undefined;
  const [before] = await q<CaseRow[]>`
    select * from moderation_cases where merchant_id = ${c.merchantId} and call_id = ${c.callId} for update`;
  const [row] = await q<CaseRow[]>`
    insert into moderation_cases (merchant_id, call_id, severity, sla_due_at)
    values (${c.merchantId}, ${c.callId}, ${worst.severity}, now() + make_interval(hours => ${c.slaHours}))
    on conflict (merchant_id, call_id) do update set severity = excluded.severity
    returning *`;
  const linked = await q<{ id: string }[]>`
    insert into flag_case_links (flag_id, case_id)
    select f.id, ${row!.id} from flags f
    where f.call_id = ${c.callId} and f.merchant_id = ${c.merchantId} and f.case_id is null and f.status = 'raised'
    on conflict (flag_id) do nothing
    returning flag_id as id`;
  const attached =
    linked.length === 0
      ? []
      : await q<FlagRow[]>`select * from flags where id = any(${linked.map((f) => f.id)}::uuid[])`;
  if (attached.length > 0 && row!.status === 'decided') {
    const [reopened] = await q<CaseRow[]>`
      update moderation_cases set status = 'open', decided_at = null where id = ${row!.id} returning *`;
    return { case: reopened!, before, attached };
  }
  return { case: row!, before, attached };
}

export async function getCase(
  q: Queryable,
  id: string,
  merchantId: string | null = null,
): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow[]>`
    select c.* from moderation_cases c where c.id = ${id} ${merchantFilter(q, 'c', merchantId)}`;
  return row;
}

export interface QueueFilter {
  merchantId: string | null;
  statuses: CaseRow['status'][];
  category?: ModerationCategory;
  severity?: Severity;
  minAgeHours?: number;
  maxAgeHours?: number;
  sla?: 'overdue' | 'due_soon' | 'on_time';
  language?: Language;
  /** Opened on or after this instant, and before `to`. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export type QueueRow = CaseRow & {
  overdue: boolean;
  flagCount: number;
  undecided: number;
  categories: ModerationCategory[];
  language: Language | null;
  merchantName: string | null;
};

/** Overdue first, then by how soon the SLA runs out. */
export async function listCaseQueue(q: Queryable, f: QueueFilter): Promise<QueueRow[]> {
  return q<QueueRow[]>`
    select c.*, c.sla_due_at < now() as overdue,
      (select count(*)::int from flags x where x.case_id = c.id) as flag_count,
      (select count(*)::int from flags x where x.case_id = c.id
         and not exists (select 1 from decisions d where d.flag_id = x.id)) as undecided,
      (select coalesce(array_agg(distinct x.category), '{}') from flags x where x.case_id = c.id) as categories,
      (select k.language from calls k where k.id = c.call_id) as language,
      (select m.name from merchants m where m.id = c.merchant_id) as merchant_name
    from moderation_cases c
    where c.status = any(${f.statuses}::text[]) ${merchantFilter(q, 'c', f.merchantId)}
      ${f.category ? q`and exists (select 1 from flags x where x.case_id = c.id and x.category = ${f.category})` : q``}
      ${f.severity ? q`and c.severity = ${f.severity}` : q``}
      ${f.minAgeHours !== undefined ? q`and c.opened_at <= now() - make_interval(hours => ${f.minAgeHours})` : q``}
      ${f.maxAgeHours !== undefined ? q`and c.opened_at >= now() - make_interval(hours => ${f.maxAgeHours})` : q``}
      ${f.sla === 'overdue' ? q`and c.sla_due_at < now()` : q``}
      ${f.sla === 'due_soon' ? q`and c.sla_due_at between now() and now() + interval '4 hours'` : q``}
      ${f.sla === 'on_time' ? q`and c.sla_due_at >= now()` : q``}
      ${f.language ? q`and exists (select 1 from calls k where k.id = c.call_id and k.language = ${f.language})` : q``}
      ${f.from ? q`and c.opened_at >= ${f.from}` : q``}
      ${f.to ? q`and c.opened_at < ${f.to}` : q``}
    order by (c.sla_due_at < now()) desc, c.sla_due_at, c.opened_at, c.id
    limit ${f.limit} offset ${f.offset}`;
}

/**
 * Takes the claim only if nobody holds a live one. The condition is in the UPDATE itself, so two
 * moderators racing for a case serialise on its row lock and exactly one gets it.
 */
export async function claimCaseRow(
  q: Queryable,
  id: string,
  userId: string,
  minutes: number,
): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow[]>`
    update moderation_cases set status = 'claimed', claimed_by = ${userId},
      claim_expires_at = now() + make_interval(mins => ${minutes})
    where id = ${id} and status in ('open', 'claimed')
      and (claimed_by is null or claimed_by = ${userId} or claim_expires_at < now())
    returning *`;
  return row;
}

export async function releaseCaseRow(q: Queryable, id: string, userId: string): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow[]>`
    update moderation_cases set status = 'open', claimed_by = null, claim_expires_at = null
    where id = ${id} and status = 'claimed' and claimed_by = ${userId} returning *`;
  return row;
}

/** Closes a case for decision only for the holder of a live claim: one decider, ever. */
export async function takeCaseForDecision(q: Queryable, id: string, userId: string): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow[]>`
    update moderation_cases set status = 'decided', decided_at = now(), claimed_by = null, claim_expires_at = null
    where id = ${id} and status = 'claimed' and claimed_by = ${userId} and claim_expires_at >= now()
    returning *`;
  return row;
}

/** Marks a case decided when every flag has a decision (after automated judgments). */
export async function settleCaseIfDecided(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow[]>`
    update moderation_cases c set status = 'decided', decided_at = now(), claimed_by = null, claim_expires_at = null
    where c.id = ${id} and c.status <> 'decided' and not exists (
      select 1 from flags x where x.case_id = c.id and not exists (select 1 from decisions d where d.flag_id = x.id))
    returning *`;
  return row;
}

/** The flags of one case, or of several at once (a page of cases). */
export async function listCaseFlags(q: Queryable, caseIds: string | readonly string[]): Promise<CaseFlag[]> {
  return q<CaseFlag[]>`
    select f.*, u.index as utterance_seq, u.confidence as stt_confidence,
      exists (select 1 from audio_segments s
              where s.call_id = f.call_id and s.deleted_at is null
                and s.start_ms < coalesce(f.audio_end_ms, u.end_ms) and s.end_ms > coalesce(f.audio_start_ms, u.start_ms)
             ) as has_audio,
      coalesce(
      (select json_agg(json_build_object('layer', v.layer, 'verdict', v.verdict,
               'confidence', v.confidence, 'detail', v.detail) order by v.created_at)
       from flag_verdicts v where v.flag_id = f.id), '[]') as verdicts
    from flags f join utterances u on u.id = f.utterance_id
    where f.case_id = any(${ids(caseIds)}::uuid[]) order by f.case_id, u.index, f.span_start`;
}

export async function insertDecision(q: Queryable, d: Omit<DecisionRow, 'id' | 'decidedAt'>): Promise<DecisionRow> {
  const [row] = await q<{ id: string }[]>`
    insert into decision_rows (case_id, flag_id, outcome, reason_code, reason_text, decided_by,
                           automated_detection, automated_decision, statement)
    values (${d.caseId}, ${d.flagId}, ${d.outcome}, ${d.reasonCode}, ${d.reasonText}, ${d.decidedBy},
            ${d.automatedDetection}, ${d.automatedDecision}, ${d.statement ? q.json(d.statement as never) : null})
    returning id`;
  const [decision] = await q<DecisionRow[]>`select * from decisions where id = ${row!.id}`;
  return decision!;
}

export async function setDecisionStatement(
  q: Queryable,
  id: string,
  statement: Record<string, unknown>,
): Promise<void> {
  await q`insert into decision_statements (decision_id, statement) values (${id}, ${q.json(statement as never)})`;
}

export async function listCaseAppeals(
  q: Queryable,
  caseIds: string | readonly string[],
): Promise<
  {
    decisionId: string;
    id: string;
    status: 'open' | 'claimed' | 'decided' | 'withdrawn';
    outcome: 'upheld' | 'overturned_fully' | 'overturned_partly' | null;
  }[]
> {
  return q`select decision_id, id, status, outcome from appeals
    where case_id = any(${ids(caseIds)}::uuid[]) and status <> 'withdrawn'`;
}

export async function listCaseDecisions(q: Queryable, caseIds: string | readonly string[]): Promise<DecisionRow[]> {
  return q<DecisionRow[]>`select * from decisions where case_id = any(${ids(caseIds)}::uuid[]) order by decided_at, id`;
}

const ids = (one: string | readonly string[]): string[] => (typeof one === 'string' ? [one] : [...one]);

export type DecisionWithCase = DecisionRow & { merchantId: string; callId: string };

export async function getDecision(
  q: Queryable,
  id: string,
  merchantId: string | null = null,
): Promise<DecisionWithCase | undefined> {
  const [row] = await q<DecisionWithCase[]>`
    select d.*, c.merchant_id, c.call_id from decisions d join moderation_cases c on c.id = d.case_id
    where d.id = ${id} ${merchantFilter(q, 'c', merchantId)}`;
  return row;
}

export async function insertPenalty(
  q: Queryable,
  p: Pick<PenaltyRow, 'merchantId' | 'caseId' | 'decisionId' | 'kind' | 'points'> & {
    durationDays?: number | null;
    replaces?: string | null;
    ladderStep?: number | null;
    standingBefore?: number | null;
    /** A replacement keeps the start of the penalty it replaces, so the ladder's order holds. */
    startsAt?: Date;
  },
): Promise<PenaltyRow> {
  const start = p.startsAt ?? null;
  const [row] = await q<{ id: string }[]>`
    insert into penalty_rows (merchant_id, case_id, decision_id, kind, points, starts_at, ends_at, replaces,
                           ladder_step, standing_before)
    values (${p.merchantId}, ${p.caseId}, ${p.decisionId}, ${p.kind}, ${p.points}, coalesce(${start}::timestamptz, now()),
            ${p.durationDays ? q`coalesce(${start}::timestamptz, now()) + make_interval(days => ${p.durationDays})` : null},
            ${p.replaces ?? null}, ${p.ladderStep ?? null}, ${p.standingBefore ?? null})
    returning id`;
  const [penalty] = await q<PenaltyRow[]>`select * from penalties where id = ${row!.id}`;
  return penalty!;
}

/** Penalties still standing against a merchant within the look-back: the ladder's repeat count. */
export async function countStandingPenalties(q: Queryable, merchantId: string, lookbackDays: number): Promise<number> {
  const [row] = await q<{ n: number }[]>`
    select count(*)::int as n from penalties
    where merchant_id = ${merchantId} and reversed_at is null
      and starts_at >= now() - make_interval(days => ${lookbackDays})`;
  return row!.n;
}

export async function listPenalties(
  q: Queryable,
  merchantId: string | null,
  filter: { caseId?: string } = {},
): Promise<PenaltyRow[]> {
  return q<PenaltyRow[]>`
    select p.* from penalties p where true ${merchantFilter(q, 'p', merchantId)}
      ${filter.caseId ? q`and p.case_id = ${filter.caseId}` : q``}
    order by p.starts_at desc, p.id limit 500`;
}

export interface CallFacts {
  id: string;
  merchantId: string;
  buyerId: string;
  /** The platform's masked display name for the buyer, null until it sent one (core/buyer.ts). */
  buyerName: string | null;
  orderIds: string[];
  startedAt: Date;
  endedAt: Date | null;
  language: string | null;
  audioUri: string | null;
}

const CALL_FACTS = (q: Queryable) => q`
  select c.id, c.merchant_id, c.buyer_id, b.name as buyer_name, c.order_ids, c.started_at, c.ended_at,
    c.language, c.audio_uri
  from calls c left join buyers b on b.id = c.buyer_id`;

export async function listCallFacts(q: Queryable, callIds: readonly string[]): Promise<CallFacts[]> {
  return q<CallFacts[]>`${CALL_FACTS(q)} where c.id = any(${[...callIds]}::uuid[])`;
}

export async function getCallFacts(q: Queryable, callId: string): Promise<CallFacts | undefined> {
  const [row] = await q<CallFacts[]>`${CALL_FACTS(q)} where c.id = ${callId}`;
  return row;
}

/** Given utterances by id, in the shape of a flag's context lines. */
export async function listUtterancesById(
  q: Queryable,
  utteranceIds: readonly (number | string)[],
): Promise<{ id: number; seq: number; speakerRole: string; text: string; startMs: number; endMs: number }[]> {
  if (utteranceIds.length === 0) return [];
  return q`
    select id, index as seq, speaker as speaker_role, text, start_ms, end_ms from utterances
    where id = any(${utteranceIds.map(Number)}::bigint[]) order by call_id, index`;
}

/** The utterances within `around` lines of each given sequence number: a flag's context. */
export async function listUtterancesAround(
  q: Queryable,
  callId: string,
  seqs: readonly number[],
  around: number,
): Promise<{ id: number; seq: number; speakerRole: string; text: string; startMs: number; endMs: number }[]> {
  if (seqs.length === 0) return [];
  return q`
    select id, index as seq, speaker as speaker_role, text, start_ms, end_ms from utterances u
    where u.call_id = ${callId}
      and exists (select 1 from unnest(${seqs as number[]}::int[]) s where u.index between s - ${around} and s + ${around})
    order by index`;
}

export type LadderedPenalty = PenaltyRow & { severity: Severity; automatedDecision: DecisionRow['automatedDecision'] };

/** A merchant's standing penalties computed from the ladder that started at or after a moment, oldest first. */
export async function listLadderedPenaltiesSince(
  q: Queryable,
  merchantId: string,
  since: Date,
): Promise<LadderedPenalty[]> {
  return q<LadderedPenalty[]>`
    select p.*, f.severity, d.automated_decision from penalties p
      join decisions d on d.id = p.decision_id join flags f on f.id = d.flag_id
    where p.merchant_id = ${merchantId} and p.reversed_at is null and p.ladder_step is not null
      and p.starts_at > ${since}
    order by p.starts_at, p.id`;
}

/** Penalties standing before a moment, within the look-back before it: the count a penalty was laddered from. */
export async function countStandingBefore(
  q: Queryable,
  merchantId: string,
  at: Date,
  lookbackDays: number,
): Promise<number> {
  const [row] = await q<{ n: number }[]>`
    select count(*)::int as n from penalties
    where merchant_id = ${merchantId} and reversed_at is null and starts_at < ${at}
      and starts_at >= ${at}::timestamptz - make_interval(days => ${lookbackDays})`;
  return row!.n;
}

export interface DecisionHistoryRow {
  id: string;
  caseId: string;
  callId: string;
  outcome: DecisionRow['outcome'];
  overturn: DecisionRow['overturn'];
  reasonCode: string;
  automatedDecision: DecisionRow['automatedDecision'];
  decidedAt: Date;
  category: ModerationCategory;
  severity: Severity;
  ruleId: string;
  appealStatus: 'open' | 'claimed' | 'decided' | 'withdrawn' | null;
  appealOutcome: 'upheld' | 'overturned_fully' | 'overturned_partly' | null;
}

/** A merchant's decisions, newest first, with the flag they judged and the appeal against them. */
export async function listMerchantDecisions(
  q: Queryable,
  merchantId: string,
  o: { limit: number; caseId?: string },
): Promise<DecisionHistoryRow[]> {
  return q<DecisionHistoryRow[]>`
    select d.id, d.case_id, c.call_id, d.outcome, d.overturn, d.reason_code, d.automated_decision, d.decided_at,
      f.category, f.severity, f.rule_id, a.status as appeal_status, a.outcome as appeal_outcome
    from decisions d join moderation_cases c on c.id = d.case_id join flags f on f.id = d.flag_id
      left join appeals a on a.decision_id = d.id and a.status <> 'withdrawn'
    where c.merchant_id = ${merchantId} ${o.caseId ? q`and d.case_id = ${o.caseId}` : q``}
    order by d.decided_at desc, d.id limit ${o.limit}`;
}

export async function getMerchantName(q: Queryable, merchantId: string): Promise<string | null> {
  const [row] = await q<{ name: string }[]>`select name from merchants where id = ${merchantId}`;
  return row?.name ?? null;
}
