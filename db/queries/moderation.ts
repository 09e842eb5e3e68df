import type { AppealOutcome, AppealStatus } from '../../core/moderation.js';
import type { ModerationCategory, Language, Severity } from '../../core/domain.js';
import type { Queryable, Sql } from '../client.js';
import type { FlagRow, FlagVerdict } from './flags.js';
import { ids, merchantFilter } from './scope.js';

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

export type CaseFlag = FlagRow & {
  verdicts: FlagVerdict[];
  utteranceSeq: number;
  /** The speech engine's confidence in the flagged utterance (null for a typed transcript). */
  sttConfidence: number | null;
  /** Whether recorded audio covers the flagged utterance (its clip can be played). */
  hasAudio: boolean;
};

const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];

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

export async function listCaseAppeals(
  q: Queryable,
  caseIds: string | readonly string[],
): Promise<
  {
    decisionId: string;
    id: string;
    status: AppealStatus;
    outcome: AppealOutcome | null;
  }[]
> {
  return q`select decision_id, id, status, outcome from appeals
    where case_id = any(${ids(caseIds)}::uuid[]) and status <> 'withdrawn'`;
}
