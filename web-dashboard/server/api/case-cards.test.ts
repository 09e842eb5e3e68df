import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.js';
import { decideCase } from '../../../pipelines/moderation/decide.js';
import { claimCase } from '../../../pipelines/moderation/cases.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { createApp } from '../app.js';
import { signedInClient } from './test-client.js';

const db = useTestDatabase();
const settings = moderationSettings();

describe('GET /api/cases/cards (the merchant flags page in one answer)', () => {
  it("gives each of the merchant's cases what its own case view says, and nothing of another merchant", async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const first = await makeFlaggedCall(sql, [{ ruleId: 'zh.contact.wechat', severity: 'high' }, {}]);
    const second = await makeFlaggedCall(sql, [{}], first.merchantId);
    const other = await makeFlaggedCall(sql, [{}]);
    const cases: { id: string }[] = [];
    for (const made of [first, second, other]) {
      const opened = await openCaseForCall(sql, made.call.id, settings);
      cases.push(opened!.case);
    }
    const moderator = await makeUser(sql, 'moderator');
    const actor = { kind: 'user' as const, id: moderator.id, role: 'moderator' as const, merchantId: null };
    await claimCase(sql, actor, cases[0]!.id, settings);
    await decideCase(
      sql,
      actor,
      cases[0]!.id,
      {
        flags: first.flags.map((f) => ({
          flagId: f.id,
          outcome: 'upheld' as const,
          reasonCode: 'CONTACT_OFF_PLATFORM' as const,
          reasonText: '引导买家加微信私下交易',
        })),
        penalty: 'ladder',
      },
      settings,
    );
    const staff = await makeUser(sql, 'merchant_staff', first.merchantId);
    const merchant = await signedInClient(app, sql, staff.id);

    const cards = await merchant.call('GET', '/api/cases/cards?limit=21&offset=0');
    expect(cards.status).toBe(200);
    const ids = cards.body.data.map((c: { case: { id: string } }) => c.case.id);
    expect(ids.sort()).toEqual([cases[0]!.id, cases[1]!.id].sort());
    expect(cards.text).not.toContain(other.merchantId);

    for (const card of cards.body.data) {
      const view = (await merchant.call('GET', `/api/cases/${card.case.id}`)).body.data;
      expect(card.flags).toEqual(view.flags);
      expect(card.penalties).toEqual(view.penalties);
      expect(card.call).toEqual(view.call);
      // The flagged lines, each the same as in the case view's context.
      const flagged = new Set(view.flags.map((f: { utteranceSeq: number }) => f.utteranceSeq));
      expect(card.utterances).toEqual(view.utterances.filter((u: { seq: number }) => flagged.has(u.seq)));
    }
    const decided = cards.body.data.find((c: { case: { id: string } }) => c.case.id === cases[0]!.id);
    expect(decided.flags.map((f: { decision: { state: string } | null }) => f.decision?.state)).toEqual([
      'upheld',
      'upheld',
    ]);
    expect(decided.penalties.length).toBeGreaterThan(0);
  });
});
