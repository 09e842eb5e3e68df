import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import type { Actor } from './actor.js';
import { claimAppeal, decideAppeal, fileAppeal, getAppealView, previewAppealDecision } from './appeals.js';
import { claimCase, getCaseView } from './cases.js';
import { decideCase, previewCaseDecision } from './decide.js';
import { openCaseForCall } from './open-cases.js';
import { moderationSettings } from './settings.js';
import { merchantStanding } from './standing.js';
import { getStatement } from './statements.js';
import { makeFlaggedCall, makeUser } from './testing/fixtures.js';

const db = useTestDatabase();
const settings = moderationSettings();
const as = (u: { id: string; role: 'moderator' | 'admin' | 'merchant_staff'; merchantId: string | null }): Actor => ({
  kind: 'user',
  id: u.id,
  role: u.role,
  merchantId: u.merchantId,
});

/** A case of `n` flags for one merchant, claimed and decided upheld by `mod`; returns its decisions. */
async function upheldCase(mod: Actor, n: number, merchantId?: string) {
  const sql = db.sql();
  const made = await makeFlaggedCall(
    sql,
    Array.from({ length: n }, () => ({ severity: 'medium' as const })),
    merchantId,
  );
  const opened = await openCaseForCall(sql, made.call.id, settings);
  const caseId = opened!.case.id;
  await claimCase(sql, mod, caseId, settings);
  const flags = made.flags.map((f) => ({ flagId: f.id, outcome: 'upheld' as const }));
  const preview = await previewCaseDecision(sql, mod, caseId, { flags, penalty: 'ladder' }, settings);
  const decided = await decideCase(
    sql,
    mod,
    caseId,
    {
      penalty: 'ladder',
      flags: flags.map((f) => ({ ...f, reasonCode: 'CONTACT_OFF_PLATFORM' as const, reasonText: '索要微信' })),
    },
    settings,
  );
  return { merchantId: made.merchantId, caseId, preview, ...decided };
}

describe('penalties attach to decisions', () => {
  it('the preview is what is stored; reversing one decision leaves the others, and a later escalation comes down', async () => {
    const sql = db.sql();
    const mod1 = as(await makeUser(sql, 'moderator'));
    const mod2 = as(await makeUser(sql, 'moderator'));

    const first = await upheldCase(mod1, 2);
    // Two flags of one call: two penalties, both counted from the same history (no self-escalation).
    expect(first.penalties.map((p) => [p.kind, p.points, p.ladderStep])).toEqual([
      ['warning', 0, 0],
      ['warning', 0, 0],
    ]);
    expect(first.preview.penalties.map((p) => [p.kind, p.points, p.durationDays, p.ladderStep])).toEqual(
      first.penalties.map((p) => [p.kind, p.points, null, p.ladderStep]),
    );
    const second = await upheldCase(mod1, 1, first.merchantId);
    expect(second.penalties[0]).toMatchObject({ kind: 'points', points: 6, ladderStep: 2, standingBefore: 2 });
    expect(second.preview.penalties[0]).toMatchObject({ kind: 'points', points: 6, durationDays: 180, ladderStep: 2 });

    const staff = as(await makeUser(sql, 'merchant_staff', first.merchantId));
    const appeal = await fileAppeal(
      sql,
      staff,
      { decisionId: first.decisions[0]!.id, statement: '提醒买家', attachments: [] },
      settings,
    );
    await claimAppeal(sql, mod2, appeal.id, settings);
    const preview = await previewAppealDecision(
      sql,
      mod2,
      appeal.id,
      { outcome: 'overturned_fully', replacementPenalty: null },
      settings,
    );
    const decided = await decideAppeal(
      sql,
      mod2,
      appeal.id,
      { outcome: 'overturned_fully', outcomeText: '语境为提醒', replacementPenalty: null },
      settings,
    );
    // The preview ran the same overturn and rolled it back: same shape, nothing kept from it.
    expect(preview.reversed.map((p) => p.id)).toEqual(decided.reversed.map((p) => p.id));
    expect(preview.relaid.map((r) => [r.from.id, r.to.kind, r.to.points])).toEqual(
      decided.relaid.map((r) => [r.from.id, r.to.kind, r.to.points]),
    );
    expect(decided.relaid).toHaveLength(1);
    expect(decided.relaid[0]!.to).toMatchObject({ kind: 'points', points: 2, ladderStep: 1 });

    const standing = await merchantStanding(sql, first.merchantId);
    const state = (decisionId: string) =>
      standing.penalties
        .filter((p) => p.decisionId === decisionId)
        .map((p) => p.state)
        .sort();
    expect(state(first.decisions[0]!.id)).toEqual(['reversed']);
    expect(state(first.decisions[1]!.id)).toEqual(['in_force']);
    expect(state(second.decisions[0]!.id)).toEqual(['in_force', 'replaced']);
    expect(standing.pointsInForce).toBe(2);
    expect(standing.decisions.find((d) => d.id === first.decisions[0]!.id)?.state).toBe('overturned');

    // Every reading agrees: the statement, the case view, and the standing.
    const st = await getStatement(sql, staff, first.decisions[0]!.id);
    expect(st.state).toBe('overturned');
    expect(st.penalties.map((p) => p.state)).toEqual(['reversed']);
    const view = await getCaseView(sql, mod1, first.caseId);
    expect(view.flags.map((f) => f.decision?.state).sort()).toEqual(['overturned', 'upheld']);
    expect(view.penalties.map((p) => p.state).sort()).toEqual(['in_force', 'reversed']);
  });

  it('a partial overturn offers only lighter rungs, and the replacement keeps the original start', async () => {
    const sql = db.sql();
    const mod1 = as(await makeUser(sql, 'moderator'));
    const mod2 = as(await makeUser(sql, 'moderator'));
    const first = await upheldCase(mod1, 1);
    const second = await upheldCase(mod1, 1, first.merchantId);
    expect(second.penalties[0]).toMatchObject({ kind: 'points', points: 2 });
    const staff = as(await makeUser(sql, 'merchant_staff', first.merchantId));
    const appeal = await fileAppeal(
      sql,
      staff,
      { decisionId: second.decisions[0]!.id, statement: '太重', attachments: [] },
      settings,
    );
    await claimAppeal(sql, mod2, appeal.id, settings);
    const view = await getAppealView(sql, mod2, appeal.id, settings);
    expect(view.replacementOptions).toEqual([{ kind: 'warning', points: 0, durationDays: null }]);
    const out = await decideAppeal(
      sql,
      mod2,
      appeal.id,
      { outcome: 'overturned_partly', outcomeText: '减轻', replacementPenalty: view.replacementOptions[0]! },
      settings,
    );
    expect(out.replacement).toMatchObject({ kind: 'warning', startsAt: second.penalties[0]!.startsAt });
    const standing = await merchantStanding(sql, first.merchantId);
    expect(standing.decisions.find((d) => d.id === second.decisions[0]!.id)?.state).toBe('partly_overturned');
    expect(standing.pointsInForce).toBe(0);
  });

  it('refuses a decision without an explanation or with a reason that does not fit the outcome', async () => {
    const { CaseDecisionSchema } = await import('./decide.js');
    const flagId = '00000000-0000-4000-8000-000000000000';
    const bad = (f: object) => CaseDecisionSchema.safeParse({ penalty: 'ladder', flags: [{ flagId, ...f }] }).success;
    expect(bad({ outcome: 'upheld', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText: ' ' })).toBe(false);
    expect(bad({ outcome: 'dismissed', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText: '误报' })).toBe(false);
    expect(bad({ outcome: 'upheld', reasonCode: 'MADE_UP', reasonText: 'x' })).toBe(false);
    expect(bad({ outcome: 'dismissed', reasonCode: 'FALSE_POSITIVE', reasonText: '误报' })).toBe(true);
  });
});
