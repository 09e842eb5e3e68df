import { describe, expect, it } from 'vitest';
import { UtteranceSchema } from '../../core/events.js';
import { makeCallWithUtterances } from '../../test/factories.js';
import { useTestDatabase } from '../../test/db.js';
import { addParticipant, endCall, getCall, insertUtterance, listUtterances, markParticipantLeft } from './calls.js';
import { insertNote, insertPromise, listNotes } from './notes.js';
import { upsertOrder } from './orders.js';
import { listLedger, setPromiseTerms } from './promise-ledger.js';
import { insertSuggestion, listSuggestions, recordFeedback } from './suggestions.js';

const db = useTestDatabase();

describe('calls, participants and utterances', () => {
  it('numbers utterances per call in order, even when inserted concurrently', async () => {
    const sql = db.sql();
    const { call } = await makeCallWithUtterances(sql, []);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        insertUtterance(sql, {
          callId: call.id,
          speaker: i % 2 ? 'merchant' : 'customer',
          text: `line ${i}`,
          startMs: i * 1000,
          endMs: i * 1000 + 900,
          engine: 'pocketsphinx',
          confidence: 0.8,
        }),
      ),
    );
    const rows = await listUtterances(sql, call.id);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({ engine: 'pocketsphinx', speaker: 'customer', text: 'line 0' });
    expect(rows[0]!.confidence).toBeCloseTo(0.8, 5);
  });

  it('stores an utterance in the shape the core schema reads back', async () => {
    const sql = db.sql();
    const { call } = await makeCallWithUtterances(sql, []);
    const heard = {
      speaker: 'merchant',
      text: '亲 这边给您补发哦',
      startMs: 0,
      endMs: 1200,
      engine: 'whisper',
      confidence: null,
    } as const;
    const stored = await insertUtterance(sql, { callId: call.id, ...heard, participantIdentity: 'm-1' });
    const [raw] = await sql`select * from utterances where id = ${stored.id}`;
    // The raw row, through postgres.camel, parses as the core shape with no renaming in between.
    expect(UtteranceSchema.parse(raw)).toEqual({ index: 0, ...heard });
    expect(stored).toMatchObject({ callId: call.id, participantIdentity: 'm-1', language: null });
  });

  it('rejects an utterance that ends before it starts', async () => {
    const sql = db.sql();
    const { call } = await makeCallWithUtterances(sql, []);
    await expect(
      insertUtterance(sql, {
        callId: call.id,
        speaker: 'customer',
        text: 'x',
        startMs: 500,
        endMs: 100,
        engine: 't',
        confidence: null,
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await listUtterances(sql, call.id)).toEqual([]);
  });

  it('records participants leaving and the call ending with its summary', async () => {
    const sql = db.sql();
    const { call } = await makeCallWithUtterances(sql);
    const p = await addParticipant(sql, { callId: call.id, identity: 'buyer-1', role: 'customer' });
    await markParticipantLeft(sql, p);
    const ended = await endCall(sql, call.id, { issue: '苹果烂了', resolution: '退款' });
    expect(ended.status).toBe('ended');
    expect((await getCall(sql, call.id))?.summary).toEqual({ issue: '苹果烂了', resolution: '退款' });
    const [row] = await sql<{ leftAt: Date | null }[]>`select left_at from call_participants where id = ${p}`;
    expect(row?.leftAt).toBeInstanceOf(Date);
  });
});

describe('notes and the promise ledger', () => {
  it('keeps notes pointing at their utterance and derives overdue promises', async () => {
    const sql = db.sql();
    const { call, merchantId, utterances } = await makeCallWithUtterances(sql);
    await insertNote(sql, {
      callId: call.id,
      utteranceId: utterances[0]!.id,
      kind: 'order_number',
      value: { value: '240611587736219', matched: true },
      spanStart: 5,
      spanEnd: 20,
    });
    expect((await listNotes(sql, call.id))[0]).toMatchObject({
      kind: 'order_number',
      value: { value: '240611587736219' },
    });
    const base = {
      callId: call.id,
      merchantId,
      utteranceId: utterances[1]!.id,
      speakerRole: 'merchant' as const,
      conditional: false,
    };
    const terms = { amount: null, currency: null, defaultHours: 24 };
    const refund = await insertPromise(sql, {
      ...base,
      action: 'refund',
      text: '我今天给您退款',
      deadline: '2026-11-23',
    });
    const callback = await insertPromise(sql, { ...base, action: 'callback', text: '回头联系您', deadline: null });
    await setPromiseTerms(sql, refund.id, terms);
    // A promise on no known order is never overdue: nothing could show it kept.
    expect((await listLedger(sql, { merchantId, limit: 10, offset: 0 })).map((p) => p.overdue)).toEqual([false, false]);
    await upsertOrder(sql, {
      id: '240611587736219',
      merchantId,
      buyerId: 'b-1',
      currency: 'CNY',
      status: 'delivered',
      items: [{ sku: 'A', name: '烟台红富士苹果 5斤装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
      amount: 39.9,
      placedAt: new Date('2026-11-20T00:00:00Z'),
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
    });
    await setPromiseTerms(sql, refund.id, terms);
    await setPromiseTerms(sql, callback.id, terms);
    const ledger = await listLedger(sql, { merchantId, limit: 10, offset: 0 });
    expect(ledger.map((p) => [p.action, p.deadline, p.overdue])).toEqual([
      ['refund', '2026-11-23', true],
      ['callback', null, false],
    ]);
  });
});

describe('suggestions and feedback', () => {
  it('stores what was suggested and what the merchant did with it', async () => {
    const sql = db.sql();
    const { call, utterances } = await makeCallWithUtterances(sql);
    const s = await insertSuggestion(sql, {
      callId: call.id,
      afterUtteranceId: utterances[0]!.id,
      kind: 'reply',
      text: '非常抱歉，坏果可以按比例退款。',
      payload: {},
      policyIds: ['zh.fresh.bad-fruit'],
      engine: 'offline-templates',
    });
    await recordFeedback(sql, { suggestionId: s.id, action: 'shown' });
    await recordFeedback(sql, { suggestionId: s.id, action: 'used', actor: 'merchant-1' });
    const [got] = await listSuggestions(sql, call.id);
    expect(got).toMatchObject({ policyIds: ['zh.fresh.bad-fruit'], feedback: ['shown', 'used'] });
    expect(got?.shownAt).toBeInstanceOf(Date);
  });
});
