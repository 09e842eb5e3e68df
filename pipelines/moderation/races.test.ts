import { describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { appendAuditEvent, verifyAuditChain } from '../../db/queries/audit.js';
import { useTestDatabase } from '../../test/db.js';
import type { Actor } from './actor.js';
import { claimAppeal, decideAppeal, fileAppeal } from './appeals.js';
import { claimCase } from './cases.js';
import { decideCase } from './decide.js';
import { openCaseForCall } from './open-cases.js';
import { moderationSettings } from './settings.js';
import { makeFlaggedCall, makeUser } from './testing/fixtures.js';

// On KEFU_TEST_DATABASE_URL these run through a pool of 10 connections to a real server, so the
// concurrent calls really overlap; on the embedded database they take turns on its one session.
const db = useTestDatabase();
const N = 24;
const settings = moderationSettings();

async function actor(role: 'moderator' | 'merchant_staff', merchantId: string | null = null): Promise<Actor> {
  const u = await makeUser(db.sql(), role, merchantId);
  return { kind: 'user', id: u.id, role, merchantId };
}

/** A case decided (upheld) by one moderator: what a merchant can appeal. */
async function decidedCase() {
  const sql = db.sql();
  const made = await makeFlaggedCall(sql, [{}]);
  const opened = await openCaseForCall(sql, made.call.id, settings);
  const mod = await actor('moderator');
  await claimCase(sql, mod, opened!.case.id, settings);
  const { decisions } = await decideCase(
    sql,
    mod,
    opened!.case.id,
    {
      penalty: 'ladder',
      flags: [
        {
          flagId: made.flags[0]!.id,
          outcome: 'upheld',
          reasonCode: 'CONTACT_OFF_PLATFORM',
          reasonText: '商家引导加微信。',
        },
      ],
    },
    settings,
  );
  return { merchantId: made.merchantId, decisionId: decisions[0]!.id };
}

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
const refusedWith = (rs: PromiseSettledResult<unknown>[], code: 'CONFLICT') =>
  rs.filter((r) => r.status === 'rejected' && isKefuError(r.reason, code)).length;

describe('races between concurrent clients', () => {
  it('links concurrent audit inserts into one unbroken chain in id order', async () => {
    const sql = db.sql();
    const before = (await verifyAuditChain(sql)).events;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        appendAuditEvent(sql, {
          actorKind: 'system',
          actorId: 'kefu',
          action: 'case.updated',
          entityType: 'case',
          entityId: `${i}`,
        }),
      ),
    );
    const check = await verifyAuditChain(sql);
    expect(check).toMatchObject({ events: before + 60, broken: [], firstBroken: undefined });
  });

  it('files one appeal per decision however many are sent at once; the rest are conflicts', async () => {
    const { merchantId, decisionId } = await decidedCase();
    const staff = await Promise.all(Array.from({ length: N }, () => actor('merchant_staff', merchantId)));
    const results = await settle(
      staff.map((a, i) => fileAppeal(db.sql(), a, { decisionId, statement: `appeal ${i}`, attachments: [] }, settings)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refusedWith(results, 'CONFLICT')).toBe(N - 1);
    const [row] = await db.sql()<
      { n: number }[]
    >`select count(*)::int as n from appeals where decision_id = ${decisionId}`;
    expect(row?.n).toBe(1);
  });

  it('lets one of many moderators claim an appeal and decides it once', async () => {
    // Appeal reviewers must hold their role from before the decision (decision 0171).
    const mods = await Promise.all(Array.from({ length: N }, () => actor('moderator')));
    const { merchantId, decisionId } = await decidedCase();
    const appeal = await fileAppeal(
      db.sql(),
      await actor('merchant_staff', merchantId),
      { decisionId, statement: 'please review', attachments: [] },
      settings,
    );
    const claims = await settle(mods.map((m) => claimAppeal(db.sql(), m, appeal.id, settings)));
    expect(claims.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refusedWith(claims, 'CONFLICT')).toBe(N - 1);
    const holder = mods[claims.findIndex((r) => r.status === 'fulfilled')]!;
    const decisions = await settle(
      [holder, holder, ...mods.slice(0, 4)].map((m) =>
        decideAppeal(
          db.sql(),
          m,
          appeal.id,
          { outcome: 'upheld', outcomeText: 'stands', replacementPenalty: null },
          settings,
        ),
      ),
    );
    expect(decisions.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await db.sql()<{ status: string }[]>`select status from appeals where id = ${appeal.id}`;
    expect(row?.status).toBe('decided');
  });
});
