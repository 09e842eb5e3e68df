import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  getCase,
  listCaseDecisions,
  listCaseFlags,
  takeCaseForDecision,
  type DecisionRow,
  type PenaltyRow,
} from '../../db/queries/moderation.js';
import { notFound, record, requireRole, REVIEWER_ROLES, type Actor } from './actor.js';
import { applyDecisions } from './apply-decisions.js';
import { whyNotHeld } from './cases.js';
import type { ModerationSettings } from './settings.js';

export const ReasonCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'reason codes look like CONTACT_OFF_PLATFORM');

export const CaseDecisionSchema = z.object({
  flags: z
    .array(
      z.object({
        flagId: z.uuid(),
        outcome: z.enum(['upheld', 'dismissed']),
        reasonCode: ReasonCodeSchema,
        reasonText: z.string().trim().max(4000).default(''),
      }),
    )
    .min(1)
    .max(200),
  penalty: z.enum(['ladder', 'none']),
});
export type CaseDecision = z.infer<typeof CaseDecisionSchema>;

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
): Promise<{ decisions: DecisionRow[]; penalty: PenaltyRow | null }> {
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
  }) as Promise<{ decisions: DecisionRow[]; penalty: PenaltyRow | null }>;
}
