import { reversePenalty } from '../../db/queries/appeals.js';
import {
  countStandingBefore,
  insertPenalty,
  listLadderedPenaltiesSince,
  type PenaltyRow,
} from '../../db/queries/penalties.js';
import type { Queryable } from '../../db/client.js';
import { record, type Actor } from './actor.js';
import { ladderIndex } from './ladder.js';
import type { ModerationSettings } from './settings.js';

/**
 * After a penalty is reversed, every later penalty that counted it climbed the ladder on its
 * account: each is recomputed, oldest first, from the penalties still standing before it, and one
 * that would now sit lower is reversed and replaced (same start) at the lower rung. Never raises one.
 */
export async function relayLaterPenalties(
  tx: Queryable,
  actor: Actor,
  o: { merchantId: string; after: Date; appealId: string; settings: ModerationSettings },
): Promise<{ from: PenaltyRow; to: PenaltyRow }[]> {
  const changed: { from: PenaltyRow; to: PenaltyRow }[] = [];
  for (const p of await listLadderedPenaltiesSince(tx, o.merchantId, o.after)) {
    const standing = await countStandingBefore(tx, o.merchantId, p.startsAt, o.settings.repeatLookbackDays);
    const index = ladderIndex(o.settings, {
      standingPenalties: standing,
      severity: p.severity,
      automated: p.automatedDecision === 'fully',
    });
    if (index >= (p.ladderStep ?? 0)) continue;
    const reversed = await reversePenalty(tx, p.id, o.appealId, 'recomputed: an earlier penalty was reversed');
    if (!reversed) continue;
    const step = o.settings.ladder[index]!;
    const to = await insertPenalty(tx, {
      merchantId: p.merchantId,
      caseId: p.caseId,
      decisionId: p.decisionId,
      kind: step.kind,
      points: step.points,
      durationDays: step.durationDays,
      replaces: p.id,
      ladderStep: index,
      standingBefore: standing,
      startsAt: p.startsAt,
    });
    await record(
      tx,
      actor,
      'penalty.recomputed',
      { type: 'penalty', id: to.id },
      { penaltyId: p.id, ladderStep: p.ladderStep },
      {
        kind: to.kind,
        points: to.points,
        endsAt: to.endsAt,
        ladderStep: index,
        replaces: p.id,
        appealId: o.appealId,
      },
    );
    changed.push({ from: reversed, to });
  }
  return changed;
}
