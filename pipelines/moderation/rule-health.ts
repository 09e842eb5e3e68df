import { z } from 'zod';
import type { Sql } from '../../db/client.js';
import type { Queryable } from '../../db/client.js';
import { loadRules } from '../compliance/load-rules.js';
import {
  getRulePolicies,
  listRules,
  ruleHealth,
  setRulePolicy,
  type RuleHealthRow,
} from '../../db/queries/rule-policies.js';
import { notFound, record, requireRole, SYSTEM, type Actor } from './actor.js';
import { onApproved, requestApproval } from './approvals.js';
import { isKnownRule } from './known-rules.js';
import type { ModerationSettings } from './settings.js';

export const RulePolicyInputSchema = z.object({
  judgment: z.enum(['auto', 'review']),
  reason: z.string().trim().min(1).max(1000),
});

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

let fileRules: ReturnType<typeof loadRules>['rules'] | undefined;

/**
 * Every rule in the rule files (read through the compliance loader), plus any rule that has a
 * policy or flags but is no longer in the files, each with its version, category, severity and
 * ground, its judgment policy, flag count, and overturn rates overall and per version and detector.
 */
export async function listRuleHealth(sql: Sql, actor: Actor) {
  requireRole(actor, ['moderator', 'admin']);
  fileRules ??= loadRules().rules;
  const [rows, health] = await Promise.all([listRules(sql), ruleHealth(sql)]);
  const stored = new Map(rows.map((r) => [r.ruleId, r]));
  const ids = [...new Set([...fileRules.map((r) => r.id), ...stored.keys()])].sort();
  return ids.map((ruleId) => {
    const file = fileRules!.find((r) => r.id === ruleId);
    const row = stored.get(ruleId);
    const mine = health.filter((h) => h.ruleId === ruleId);
    const sum = (k: 'upheld' | 'overturned' | 'automated' | 'automatedOverturned') =>
      mine.reduce((n, h) => n + h[k], 0);
    return {
      ruleId,
      inFiles: Boolean(file),
      version: file?.version ?? null,
      language: file?.language ?? null,
      category: file?.category ?? null,
      severity: file?.severity ?? null,
      ground: file?.ground ?? null,
      judgment: row?.judgment ?? 'review',
      reason: row?.reason ?? null,
      updatedAt: row?.updatedAt ?? null,
      flags: row?.flags ?? 0,
      decisions: mine.reduce((n, h) => n + h.decisions, 0),
      overturnRate: rate(sum('overturned'), sum('upheld')),
      automatedOverturnRate: rate(sum('automatedOverturned'), sum('automated')),
      health: mine.map((h) => ({
        ...h,
        overturnRate: rate(h.overturned, h.upheld),
        automatedOverturnRate: rate(h.automatedOverturned, h.automated),
      })),
    };
  });
}

type PolicyInput = z.infer<typeof RulePolicyInputSchema>;

async function applyJudgment(tx: Queryable, actor: Actor & { id: string }, ruleId: string, input: PolicyInput) {
  const { before, after } = await setRulePolicy(tx, {
    ruleId,
    judgment: input.judgment,
    updatedBy: actor.kind === 'user' ? actor.id : null,
    reason: input.reason,
  });
  await record(tx, actor, 'rule_policy.changed', { type: 'rule_policy', id: ruleId }, before ?? null, after);
  return after;
}

onApproved('rule.auto', (tx, approval, approver) =>
  applyJudgment(tx, approver, approval.target, approval.payload as unknown as PolicyInput),
);

/**
 * Back to human review takes one admin; letting the machine decide a rule alone takes two: the
 * switch to `auto` is a request another admin approves (decision 0171).
 */
export async function setRuleJudgment(sql: Sql, actor: Actor, ruleId: string, input: PolicyInput) {
  requireRole(actor, ['admin']);
  if (!isKnownRule(ruleId)) throw notFound('rule');
  if (input.judgment === 'auto')
    return requestApproval(sql, actor, { kind: 'rule.auto', target: ruleId, payload: input });
  return sql.begin((tx) => applyJudgment(tx, actor, ruleId, input));
}

/**
 * After an automated decision is overturned: if the rule's automated decisions are now
 * overturned above the configured rate (over at least the minimum sample), the machine loses the
 * right to decide that rule alone, and the switch is audited.
 */
export async function checkRuleHealth(tx: Queryable, ruleId: string, settings: ModerationSettings): Promise<boolean> {
  const policy = (await getRulePolicies(tx, [ruleId])).get(ruleId);
  if (policy?.judgment !== 'auto') return false;
  const totals = (await ruleHealth(tx, ruleId)).reduce(
    (t: Pick<RuleHealthRow, 'automated' | 'automatedOverturned'>, h) => ({
      automated: t.automated + h.automated,
      automatedOverturned: t.automatedOverturned + h.automatedOverturned,
    }),
    { automated: 0, automatedOverturned: 0 },
  );
  const { maxOverturnRate, minSample } = settings.ruleHealth;
  const observed = rate(totals.automatedOverturned, totals.automated) ?? 0;
  if (totals.automated < minSample || observed <= maxOverturnRate) return false;
  const reason =
    `rule health: ${totals.automatedOverturned} of ${totals.automated} automated decisions overturned ` +
    `(${(observed * 100).toFixed(1)}% > ${(maxOverturnRate * 100).toFixed(1)}%)`;
  const { before, after } = await setRulePolicy(tx, { ruleId, judgment: 'review', updatedBy: null, reason });
  await record(tx, SYSTEM, 'rule_policy.changed', { type: 'rule_policy', id: ruleId }, before ?? null, after);
  return true;
}
