import { beforeAll, describe, expect, it } from 'vitest';
import { createCall, insertUtterance } from '../../../../db/queries/calls.js';
import { insertPromise } from '../../../../db/queries/notes.js';
import { createSessionFor } from '../../../../pipelines/auth/sessions.js';
import { closeDuePromise } from '../../../../pipelines/promises/deadline.js';
import { makeMerchantWithOrders } from '../../../../pipelines/promises/testing.js';
import { openPromise } from '../../../../pipelines/promises/terms.js';
import { moderationSettings } from '../../../../pipelines/moderation/settings.js';
import { makeUser } from '../../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../../test/db.js';
import { createApp } from '../../app.js';
import { signedInClient } from '../../api/test-client.js';
import { ORDER_EVENT_MAX_BYTES, signOrderEvent } from './index.js';

const db = useTestDatabase();
const SECRET = 'test-webhook-secret-0123456789';
const M = 'm-hook';
const ORDER = '250101000000001';
let app: ReturnType<typeof createApp>;
const promiseIds: Record<'refund' | 'callback', string> = { refund: '', callback: '' };

async function post(raw: string, signature?: string, target = app) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-kefu-signature'] = signature;
  const res = await target.request('/api/platform/order-events', { method: 'POST', headers, body: raw });
  // biome-ignore lint/suspicious/noExplicitAny: the wire shape is what the test checks
  const body: any = await res.json();
  return { status: res.status, replayed: res.headers.get('kefu-replayed'), body };
}
const signed = (body: unknown) => {
  const raw = JSON.stringify(body);
  return post(raw, signOrderEvent(SECRET, raw));
};
const count = async (table: 'order_events' | 'audit_events') =>
  (await db.sql()<{ n: number }[]>`select count(*)::int as n from ${db.sql()(table)}`)[0]!.n;

beforeAll(async () => {
  const sql = db.sql();
  app = createApp({ sql, components: [], webhookSecret: SECRET });
  await makeMerchantWithOrders(sql, M, [{ id: ORDER, buyerId: 'b-9', amount: 59 }]);
  const call = await createCall(sql, {
    room: 'room-hook',
    merchantId: M,
    buyerId: 'b-9',
    orderIds: [ORDER],
    startedAt: new Date('2026-11-23T02:00:00Z'),
  });
  const lines = { refund: '我明天之前给您退款20元', callback: '我今天下午给您回个电话' } as const;
  let seq = 0;
  for (const action of ['refund', 'callback'] as const) {
    const u = await insertUtterance(sql, {
      callId: call.id,
      speaker: 'merchant',
      text: `好的，${lines[action]}`,
      startMs: seq * 2000,
      endMs: seq * 2000 + 1500,
      engine: 'transcript',
      confidence: null,
    });
    seq++;
    const deadline = action === 'refund' ? '2026-11-24' : '2026-11-23';
    const p = await insertPromise(sql, {
      callId: call.id,
      merchantId: M,
      utteranceId: u.id,
      speakerRole: 'merchant',
      action,
      text: lines[action],
      deadline,
      conditional: false,
    });
    await openPromise(sql, p.id, p.text, action);
    promiseIds[action] = p.id;
  }
});

const refund = {
  eventId: 'pf-1',
  orderId: ORDER,
  type: 'refunded',
  at: '2026-11-24T03:00:00+08:00',
  amount: 20,
  currency: 'CNY',
};

describe('POST /api/platform/order-events', () => {
  it('is off, saying how to turn it on, when no secret is configured', async () => {
    const off = createApp({ sql: db.sql(), components: [] });
    const raw = JSON.stringify(refund);
    const res = await post(raw, signOrderEvent(SECRET, raw), off);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'WEBHOOK_DISABLED' });
    expect(res.body.error.message).toContain('KEFU_PLATFORM_WEBHOOK_SECRET');
  });

  it('refuses unsigned and wrongly signed bodies with 401 and stores nothing', async () => {
    const raw = JSON.stringify(refund);
    const before = await count('order_events');
    for (const signature of [
      undefined,
      'sha256=00',
      signOrderEvent('another-secret-0123456789', raw),
      signOrderEvent(SECRET, `${raw} `),
    ]) {
      const res = await post(raw, signature);
      expect(res.status, String(signature)).toBe(401);
      expect(res.body.error.code).toBe('SIGNATURE_INVALID');
    }
    expect(await count('order_events')).toBe(before);
  });

  it('answers 404 for an unknown order and 400 naming a bad field', async () => {
    const unknown = await signed({ ...refund, eventId: 'pf-x', orderId: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const bad = await signed({ ...refund, eventId: 'pf-y', type: 'teleported' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('type');
    const big = JSON.stringify({ ...refund, trackingNumber: 'x'.repeat(ORDER_EVENT_MAX_BYTES) });
    expect((await post(big, signOrderEvent(SECRET, big))).status).toBe(400);
  });

  it('keeps the promise; a replayed eventId is a no-op with the same answer', async () => {
    const first = await signed(refund);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({
      eventId: 'pf-1',
      orderId: ORDER,
      type: 'refunded',
      promises: [{ id: promiseIds.refund, status: 'kept' }],
    });
    const events = await count('order_events');
    const audits = await count('audit_events');
    const again = await signed(refund);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.replayed).toBe('true');
    expect(await count('order_events')).toBe(events);
    expect(await count('audit_events')).toBe(audits);
  });

  it('a broken promise reaches a moderator, and the merchant appeals with proof', async () => {
    const sql = db.sql();
    const deps = { sql, settings: moderationSettings(), publish: () => undefined, log: () => undefined };
    expect(await closeDuePromise({ ...deps, now: () => new Date('2026-11-24T00:00:00Z') }, promiseIds.callback)).toBe(
      true,
    );
    const moderator = await signedInClient(app, sql, (await makeUser(sql, 'moderator')).id);
    const staff = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', M)).id);

    const queue = await moderator.call('GET', '/api/cases?category=broken_promise');
    expect(queue.status).toBe(200);
    const kase = queue.body.data.find((c: { merchantId: string }) => c.merchantId === M);
    expect(kase).toBeDefined();
    const view = await moderator.call('GET', `/api/cases/${kase.id}`);
    const flag = view.body.data.flags.find((f: { category: string }) => f.category === 'broken_promise');
    expect(flag).toMatchObject({ evidenceText: '我今天下午给您回个电话', ruleId: 'promise.callback', spanStart: 3 });
    // Beside the words: what was promised by when, and what the order system shows.
    expect(flag.promise).toMatchObject({
      action: 'callback',
      dueSource: 'said',
      orderId: ORDER,
      order: { status: 'refunded' },
      events: [{ eventId: 'pf-1', type: 'refunded' }],
    });

    expect((await moderator.call('POST', `/api/cases/${kase.id}/claim`)).status).toBe(200);
    const decided = await moderator.call('POST', `/api/cases/${kase.id}/decide`, {
      penalty: 'ladder',
      flags: [
        {
          flagId: flag.id,
          outcome: 'upheld',
          reasonCode: 'PROMISE_NOT_KEPT',
          reasonText: '承诺当天回电，平台无回电记录。',
        },
      ],
    });
    expect(decided.status, decided.text).toBe(200);
    const decisionId = decided.body.data.decisions[0].id;
    const statement = await staff.call('GET', `/api/decisions/${decisionId}/statement`);
    expect(statement.text).toContain('承诺');

    const proof = await staff.call('POST', `/api/promises/${promiseIds.callback}/proofs`, {
      text: '当天 15:10 已通过平台电话回拨，通话记录截图见附件。',
      file: { name: '通话记录.png', type: 'image/png', base64: Buffer.from('png-bytes').toString('base64') },
    });
    expect(proof.status, proof.text).toBe(201);
    const appeal = await staff.call('POST', '/api/appeals', {
      decisionId,
      statement: '已按时回电，只是平台未收到回电事件。',
      attachments: [{ name: '回电记录', text: '2026-11-23 15:10 平台外呼记录' }],
    });
    expect(appeal.status, appeal.text).toBe(201);
    const appeals = await moderator.call('GET', '/api/appeals');
    expect(appeals.body.data.map((a: { decisionId: string }) => a.decisionId)).toContain(decisionId);

    const detail = await staff.call('GET', `/api/promises/${promiseIds.callback}`);
    expect(detail.body.data.promise).toMatchObject({ status: 'broken', proofs: 1, flagId: flag.id });
    expect(detail.body.data.trail.map((t: { action: string }) => t.action)).toEqual([
      'promise.broken',
      'promise.proof_added',
    ]);
    const session = await createSessionFor(sql, (await makeUser(sql, 'merchant_staff', M)).id);
    const file = await app.request(`/api/promises/${promiseIds.callback}/proofs/${proof.body.data.id}`, {
      headers: { cookie: `kefu_session=${session.token}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('png-bytes');
  });
});
