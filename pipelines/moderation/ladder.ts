import type { Severity } from '../../core/domain.js';
import type { LadderStep, ModerationSettings, PenaltyKind } from './settings.js';

/**
 * The rung for a violation: one step up per penalty still standing in the look-back window, plus
 * the severity bump; clamped to the ladder (and, for the machine, to its ceiling).
 */
export function ladderStep(
  settings: ModerationSettings,
  o: { standingPenalties: number; severity: Severity; automated: boolean },
): LadderStep {
  return settings.ladder[ladderIndex(settings, o)]!;
}

export function ladderIndex(
  settings: ModerationSettings,
  o: { standingPenalties: number; severity: Severity; automated: boolean },
): number {
  const last = settings.ladder.length - 1;
  const ceiling = o.automated ? Math.min(last, settings.auto.maxLadderIndex) : last;
  return Math.min(ceiling, o.standingPenalties + (settings.severityBump[o.severity] ?? 0));
}

const WEIGHT: Record<PenaltyKind, number> = { warning: 0, points: 1, listing_restriction: 2, suspension: 3 };

/** A partial overturn may only lighten a penalty: a milder kind, or the same kind with less. */
export function isLighter(
  replacement: { kind: PenaltyKind; points: number; durationDays: number | null },
  original: { kind: PenaltyKind; points: number; durationDays: number | null },
): boolean {
  const dw = WEIGHT[replacement.kind] - WEIGHT[original.kind];
  if (dw !== 0) return dw < 0;
  const days = (d: number | null) => d ?? Number.POSITIVE_INFINITY;
  const notHeavier =
    replacement.points <= original.points && days(replacement.durationDays) <= days(original.durationDays);
  const lighter = replacement.points < original.points || days(replacement.durationDays) < days(original.durationDays);
  return notHeavier && lighter;
}
