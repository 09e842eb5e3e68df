import type { Sql } from '../../db/client.js';
import {
  attachCallFlags,
  listCaseFlags,
  settleCaseIfDecided,
  type CaseFlag,
  type CaseRow,
} from '../../db/queries/moderation.js';
import { getCallFacts } from '../../db/queries/call-facts.js';
import { listCaseDecisions } from '../../db/queries/decisions.js';
import type { Queryable } from '../../db/client.js';
import { getRulePolicies } from '../../db/queries/rule-policies.js';
import { notFound, record, SYSTEM } from './actor.js';
import { applyDecisions } from './apply-decisions.js';
import type { ModerationSettings } from './settings.js';

export interface OpenedCase {
  case: CaseRow;
  /** Flags this call added to the case. */
  attached: number;
  /** Of those, how many the machine decided (rules whose policy is `auto`). */
  autoDecided: number;
}

/**
 * What the bot or a replay calls when a call ends (or whenever new flags were stored): groups
 * the call's unassigned flags into its case, then lets `auto` rules judge their confident,
 * severe flags. Idempotent: a second call with no new flags changes nothing.
 */
export async function openCaseForCall(
  sql: Sql,
  callId: string,
  settings: ModerationSettings,
): Promise<OpenedCase | undefined> {
  return sql.begin(async (tx) => {
    const call = await getCallFacts(tx, callId);
    if (!call) throw notFound('call');
    const res = await attachCallFlags(tx, { merchantId: call.merchantId, callId, slaHours: settings.caseSlaHours });
    if (!res || res.attached.length === 0) return res && { case: res.case, attached: 0, autoDecided: 0 };
    for (const f of res.attached) {
      await record(tx, SYSTEM, 'flag.raised', { type: 'flag', id: f.id }, null, {
        caseId: res.case.id,
        ruleId: f.ruleId,
        ruleVersion: f.ruleVersion,
        category: f.category,
        severity: f.severity,
        detector: f.detector,
        confidence: f.confidence,
      });
    }
    await record(
      tx,
      SYSTEM,
      res.before ? 'case.updated' : 'case.opened',
      { type: 'case', id: res.case.id },
      res.before ?? null,
      res.case,
    );
    const autoDecided = await judgeAutomatically(tx, res.case, settings);
    const settled = autoDecided > 0 ? await settleCaseIfDecided(tx, res.case.id) : undefined;
    if (settled) await record(tx, SYSTEM, 'case.decided', { type: 'case', id: settled.id }, res.case, settled);
    return { case: settled ?? res.case, attached: res.attached.length, autoDecided };
  }) as Promise<OpenedCase | undefined>;
}

/** A flag the machine may decide alone: its rule is `auto`, it is severe and confident, and no layer rejected it. */
export function isAutoJudgeable(f: CaseFlag, judgment: 'auto' | 'review', settings: ModerationSettings): boolean {
  return (
    judgment === 'auto' &&
    f.status === 'raised' &&
    settings.auto.severities.includes(f.severity) &&
    f.confidence >= settings.auto.minConfidence &&
    !f.verdicts.some((v) => v.verdict === 'rejected')
  );
}

async function judgeAutomatically(tx: Queryable, kase: CaseRow, settings: ModerationSettings): Promise<number> {
  const decided = new Set((await listCaseDecisions(tx, kase.id)).map((d) => d.flagId));
  const open = (await listCaseFlags(tx, kase.id)).filter((f) => !decided.has(f.id));
  const policies = await getRulePolicies(tx, [...new Set(open.map((f) => f.ruleId))]);
  const auto = open.filter((f) => isAutoJudgeable(f, policies.get(f.ruleId)?.judgment ?? 'review', settings));
  if (auto.length === 0) return 0;
  await applyDecisions(tx, SYSTEM, {
    kase,
    settings,
    penalty: 'ladder',
    judgments: auto.map((flag) => ({
      flag,
      outcome: 'upheld',
      reasonCode: 'AUTO_RULE_MATCH',
      reasonText: `Rule ${flag.ruleId}@${flag.ruleVersion} is judged automatically; confidence ${flag.confidence.toFixed(2)}.`,
    })),
  });
  return auto.length;
}
