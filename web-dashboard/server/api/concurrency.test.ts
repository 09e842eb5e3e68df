import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { createApp } from '../app.js';
import { signedInClient, type ApiClient } from './test-client.js';

const db = useTestDatabase();
const CLIENTS = 24;

async function moderators(n: number) {
  const sql = db.sql();
  const app = createApp({ sql, components: [] });
  const clients: ApiClient[] = [];
  for (let i = 0; i < n; i++) clients.push(await signedInClient(app, sql, (await makeUser(sql, 'moderator')).id));
  return clients;
}

async function openCase(flags = 2) {
  const made = await makeFlaggedCall(
    db.sql(),
    Array.from({ length: flags }, () => ({})),
  );
  const opened = await openCaseForCall(db.sql(), made.call.id, moderationSettings());
  return { caseId: opened!.case.id, flagIds: made.flags.map((f) => f.id) };
}

const decision = (flagIds: string[], reasonText: string) => ({
  penalty: 'ladder',
  flags: flagIds.map((flagId) => ({ flagId, outcome: 'upheld', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText })),
});

describe('concurrent moderators', () => {
  it('many clients claiming one case at once: exactly one holds it', async () => {
    const clients = await moderators(CLIENTS);
    for (let round = 0; round < 3; round++) {
      const { caseId } = await openCase();
      const results = await Promise.all(clients.map((c) => c.call('POST', `/api/cases/${caseId}/claim`)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error?.code === 'CONFLICT')).toBe(true);
      expect(results.filter((r) => r.status === 409)).toHaveLength(CLIENTS - 1);
    }
  });

  it('many clients claiming and deciding at once never double-decide, and one penalty per decision is applied', async () => {
    const clients = await moderators(CLIENTS);
    const { caseId, flagIds } = await openCase(3);
    // Everyone claims and decides in one burst; only the holder of the live claim may decide.
    const results = await Promise.all(
      clients.map(async (c, i) => {
        await c.call('POST', `/api/cases/${caseId}/claim`);
        return c.call('POST', `/api/cases/${caseId}/decide`, decision(flagIds, `R${i}_X`));
      }),
    );
    const wins = results.filter((r) => r.status === 200);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409)).toBe(true);

    const sql = db.sql();
    const decisions = await sql<
      { flagId: string; reasonText: string }[]
    >`select flag_id, reason_text from decisions where case_id = ${caseId}`;
    expect(decisions).toHaveLength(flagIds.length);
    expect(new Set(decisions.map((d) => d.reasonText)).size).toBe(1);
    // One penalty per upheld decision, never more: the losers wrote nothing.
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from penalties where case_id = ${caseId}`;
    expect(row?.n).toBe(flagIds.length);
    // A late decide after the case is closed is refused, not recorded twice.
    const late = await Promise.all(
      clients.map((c) => c.call('POST', `/api/cases/${caseId}/decide`, decision(flagIds, 'LATE'))),
    );
    expect(late.every((r) => r.status === 409)).toBe(true);
  });

  it('an expired claim can be taken over, and the old holder can no longer decide', async () => {
    const [first, second] = await moderators(2);
    const { caseId, flagIds } = await openCase(1);
    expect((await first!.call('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
    await db.sql()`update moderation_cases set claim_expires_at = now() - interval '1 second' where id = ${caseId}`;
    expect((await second!.call('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
    const stale = await first!.call('POST', `/api/cases/${caseId}/decide`, decision(flagIds, 'STALE'));
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    await db.sql()`update moderation_cases set claim_expires_at = now() - interval '1 second' where id = ${caseId}`;
    const expired = await second!.call('POST', `/api/cases/${caseId}/decide`, decision(flagIds, 'EXPIRED'));
    expect(expired).toMatchObject({ status: 409, body: { error: { code: 'CLAIM_EXPIRED' } } });
  });
});
