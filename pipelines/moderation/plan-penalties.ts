import type { Severity } from '../../core/domain.js';
import { countStandingPenalties } from '../../db/queries/penalties.js';
import type { Queryable } from '../../db/client.js';
import { ladderIndex } from './ladder.js';
import type { LadderStep, ModerationSettings } from './settings.js';

export interface PlannedPenalty extends LadderStep {
  flagId: string;
  /** The ladder rung (0-based) and the penalties standing before the case it was counted from. */
  ladderStep: number;
  standingBefore: number;
}

/**
 * The penalty each upheld flag of a case earns: one per upheld decision, every one counted from
 * the penalties standing before the case (two violations in one call do not escalate each other).
 * The decision preview and the decision itself both call this, so what a moderator is shown is
 * what is stored.
 */
export async function planPenalties(
  q: Queryable,
  c: {
    merchantId: string;
    judgments: { flagId: string; severity: Severity; outcome: 'upheld' | 'dismissed' }[];
    penalty: 'ladder' | 'none';
    automated: boolean;
    settings: ModerationSettings;
  },
): Promise<PlannedPenalty[]> {
  const upheld = c.judgments.filter((j) => j.outcome === 'upheld');
  if (c.penalty === 'none' || upheld.length === 0) return [];
  const standing = await countStandingPenalties(q, c.merchantId, c.settings.repeatLookbackDays);
  return upheld.map((j) => {
    const index = ladderIndex(c.settings, {
      standingPenalties: standing,
      severity: j.severity,
      automated: c.automated,
    });
    return { flagId: j.flagId, ...c.settings.ladder[index]!, ladderStep: index, standingBefore: standing };
  });
}
