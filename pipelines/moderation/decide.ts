import { z } from 'zod';
import { HumanReasonCodeSchema, UPHOLD_REASON_CODES } from '../../core/moderation.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { getCase, listCaseFlags, takeCaseForDecision } from '../../db/queries/moderation.js';
import { listCaseDecisions, type DecisionRow } from '../../db/queries/decisions.js';
import type { PenaltyRow } from '../../db/queries/penalties.js';
import { notFound, record, requireRole, REVIEWER_ROLES, type Actor } from './actor.js';
import { applyDecisions } from './apply-decisions.js';
import { whyNotHeld } from './cases.js';
import { planPenalties, type PlannedPenalty } from './plan-penalties.js';
import type { ModerationSettings } from './settings.js';

const UPHOLD = new Set<string>(UPHOLD_REASON_CODES);

/** A reason from the documented list that fits the outcome, and an explanation the merchant will read. */
const FlagJudgmentSchema = z
  .object({
    flagId: z.uuid(),
    outcome: z.enum(['upheld', 'dismissed']),
    reasonCode: HumanReasonCodeSchema,
    reasonText: z.string().trim().min(1, 'an explanation is required').max(4000),
  })
  .refine((f) => UPHOLD.has(f.reasonCode) === (f.outcome === 'upheld'), {
    path: ['reasonCode'],
    message: 'this reason code does not fit the outcome',
  });

export const CaseDecisionSchema = z.object({
  flags: z.array(FlagJudgmentSchema).min(1).max(200),
  penalty: z.enum(['ladder', 'none']),
});
export type CaseDecision = z.infer<typeof CaseDecisionSchema>;

/** What the preview needs: outcomes and the penalty choice, not yet the reasons. */
export const CaseDecisionPreviewSchema = z.object({
  flags: z
    .array(z.object({ flagId: z.uuid(), outcome: z.enum(['upheld', 'dismissed']) }))
    .min(1)
    .max(200),
  penalty: z.enum(['ladder', 'none']),
});

/**
 * The penalties a decision would apply, from the same `planPenalties` the decision itself calls;
 * nothing is written.
 */
export async function previewCaseDecision(
  sql: Sql,
  actor: Actor,
  id: string,
  input: z.infer<typeof CaseDecisionPreviewSchema>,
  settings: ModerationSettings,
): Promise<{ penalties: PlannedPenalty[] }> {
  requireRole(actor, REVIEWER_ROLES);
  const kase = await getCase(sql, id);
  if (!kase) throw notFound('case');
  const flags = new Map((await listCaseFlags(sql, id)).map((f) => [f.id, f]));
  const unknown = input.flags.filter((f) => !flags.has(f.flagId));
  if (unknown.length > 0) throw new KefuError('INPUT_INVALID', `flags: ${unknown.length} not in this case`);
  const penalties = await planPenalties(sql, {
    merchantId: kase.merchantId,
    judgments: input.flags.map((f) => ({ ...f, severity: flags.get(f.flagId)!.severity })),
    penalty: input.penalty,
    automated: false,
    settings,
  });
  return { penalties };
}

/**
 * A moderator's decision on every undecided flag of a case they hold. The case row is taken by a
 * conditional UPDATE first, so of any number of concurrent deciders exactly one proceeds; the
 * unique decision per flag is the database's second guard.
 */
export async function decideCase(
  sql: Sql,
  actor: Actor,
  id: string,
  input: CaseDecision,
  settings: ModerationSettings,
): Promise<{ decisions: DecisionRow[]; penalties: PenaltyRow[] }> {
  requireRole(actor, REVIEWER_ROLES);
  return sql.begin(async (tx) => {
    const before = await getCase(tx, id);
    if (!before) throw notFound('case');
    const taken = await takeCaseForDecision(tx, id, actor.id);
    if (!taken) throw await whyNotHeld(tx, id, actor.id);
    const decided = new Set((await listCaseDecisions(tx, id)).map((d) => d.flagId));
    const open = new Map((await listCaseFlags(tx, id)).filter((f) => !decided.has(f.id)).map((f) => [f.id, f]));
    const given = new Set(input.flags.map((f) => f.flagId));
    const missing = [...open.keys()].filter((f) => !given.has(f));
    const extra = [...given].filter((f) => !open.has(f));
    if (missing.length > 0 || extra.length > 0 || given.size !== input.flags.length) {
      throw new KefuError(
        'INPUT_INVALID',
        `flags: decide each undecided flag of the case exactly once (missing ${missing.length}, not undecided in this case ${extra.length}).`,
      );
    }
    const result = await applyDecisions(tx, actor, {
      kase: taken,
      settings,
      penalty: input.penalty,
      judgments: input.flags.map((f) => ({ ...f, flag: open.get(f.flagId)! })),
    });
    await record(tx, actor, 'case.decided', { type: 'case', id }, before, taken);
    return result;
  }) as Promise<{ decisions: DecisionRow[]; penalties: PenaltyRow[] }>;
}
