import { beforeAll, describe, expect, it } from 'vitest';
import { buyerTag } from '../../../core/buyer.js';
import { createCall, insertUtterance } from '../../../db/queries/calls.js';
import { insertPromise } from '../../../db/queries/notes.js';
import { makeMerchantWithOrders } from '../../../pipelines/promises/testing.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { signOrderEvent } from '../routes/platform/index.js';
import { type ApiClient, signedInClient } from './test-client.js';

const db = useTestDatabase();
const SECRET = 'test-webhook-secret-0123456789';
const M = 'm-names';
let app: ReturnType<typeof createApp>;
let staff: ApiClient;
let named: string;
let unnamed: string;

const hook = (body: unknown) => {
  const raw = JSON.stringify(body);
  return app.request('/api/platform/order-events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kefu-signature': signOrderEvent(SECRET, raw) },
    body: raw,
  });
};

beforeAll(async () => {
  const sql = db.sql();
  app = createApp({ sql, components: [], webhookSecret: SECRET });
  await makeMerchantWithOrders(sql, M, [
    { id: '250301000000001', buyerId: 'acct-381992', amount: 59 },
    { id: '250301000000002', buyerId: 'acct-775120', amount: 20 },
  ]);
  // The name arrives with the call (token / invite); the second buyer's platform sends none.
  named = (await createCall(sql, { room: 'r-n1', merchantId: M, buyerId: 'acct-381992', buyerName: '张**' })).id;
  unnamed = (
    await createCall(sql, { room: 'r-n2', merchantId: M, buyerId: 'acct-775120', orderIds: ['250301000000002'] })
  ).id;
  const u = await insertUtterance(sql, {
    callId: unnamed,
    speaker: 'merchant',
    text: '我明天给您退款20元',
    startMs: 0,
    endMs: 1500,
    engine: 'transcript',
    confidence: null,
  });
  await insertPromise(sql, {
    callId: unnamed,
    merchantId: M,
    utteranceId: u.id,
    speakerRole: 'merchant',
    action: 'refund',
    text: '明天给您退款20元',
    deadline: '2026-12-07',
    conditional: false,
  });
  staff = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', M)).id);
});

describe('buyer display names (issue 15)', () => {
  it('name a buyer by the masked name the platform passed with the call, never by the account id', async () => {
    const list = await staff.call('GET', '/api/calls?limit=20&offset=0');
    expect(list.status).toBe(200);
    const byId = new Map(list.body.data.map((c: { id: string; buyer: unknown }) => [c.id, c.buyer]));
    expect(byId.get(named)).toEqual({ name: '张**', tag: buyerTag('acct-381992') });
    const detail = await staff.call('GET', `/api/calls/${named}`);
    expect(detail.body.data.call.buyer.name).toBe('张**');
    // Search finds the call by the masked name too.
    const found = await staff.call('GET', `/api/calls?limit=20&offset=0&q=${encodeURIComponent('张*')}`);
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([named]);
  });

  it('give an unnamed buyer a 4-digit tag that is not their account id, the same on every page', async () => {
    const detail = await staff.call('GET', `/api/calls/${unnamed}`);
    const buyer = detail.body.data.call.buyer;
    expect(buyer.name).toBeNull();
    expect(buyer.tag).toMatch(/^\d{4}$/);
    expect('acct-775120').not.toContain(buyer.tag);
    expect(buyer.tag).not.toBe(buyerTag('acct-381992'));
    const ledger = await staff.call('GET', '/api/promises?limit=50');
    expect(ledger.body.data[0].buyer).toEqual(buyer);
  });

  it("take the buyer's current name from an order event, and refuse an unmasked one naming the field", async () => {
    const refused = await hook({
      eventId: 'bn-1',
      orderId: '250301000000002',
      type: 'shipped',
      at: '2026-12-05T03:00:00+08:00',
      buyerName: '王小明',
    });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toContain('buyerName');
    expect((await db.sql()`select 1 from order_events where event_id = 'bn-1'`).length).toBe(0);

    const taken = await hook({
      eventId: 'bn-2',
      orderId: '250301000000002',
      type: 'shipped',
      at: '2026-12-05T03:00:00+08:00',
      buyerName: '王**',
    });
    expect(taken.status).toBe(200);
    const ledger = await staff.call('GET', '/api/promises?limit=50');
    expect(ledger.body.data[0].buyer.name).toBe('王**');
    const csv = await staff.call('GET', '/api/export/calls.csv');
    expect(csv.text.split('\n')[0]).toContain('买家');
    expect(csv.text).toContain('王**');
  });

  it('show the name in the case view and on the merchant flags page, which agree', async () => {
    const sql = db.sql();
    const made = await makeFlaggedCall(sql, [{}]);
    await sql`update calls set buyer_id = 'acct-381992' where id = ${made.call.id}`;
    const opened = await openCaseForCall(sql, made.call.id, moderationSettings());
    const moderator = await signedInClient(app, sql, (await makeUser(sql, 'moderator')).id);
    const view = await moderator.call('GET', `/api/cases/${opened!.case.id}`);
    expect(view.body.data.call.buyer).toEqual({ name: '张**', tag: buyerTag('acct-381992') });
    const owner = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', made.merchantId)).id);
    const cards = await owner.call('GET', '/api/cases/cards?limit=21&offset=0');
    expect(cards.body.data[0].call.buyer).toEqual(view.body.data.call.buyer);
  });

  it('refuse, at call creation, a name the platform did not mask, leaving no call behind', async () => {
    await expect(
      createCall(db.sql(), { room: 'r-n3', merchantId: M, buyerId: 'acct-1', buyerName: 'Zhang Wei' }),
    ).rejects.toThrow(/masked/);
    expect((await db.sql()`select 1 from calls where room = 'r-n3'`).length).toBe(0);
  });
});
