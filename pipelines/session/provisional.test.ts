import { beforeAll, describe, expect, it } from 'vitest';
import type { RefundOption, Suggestion } from '../../core/analysis.js';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallEvent } from '../../core/events.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant } from '../../db/queries/people.js';
import { listSuggestionStates, listSuggestions } from '../../db/queries/suggestions.js';
import { useTestDatabase } from '../../test/db.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';
import { adviceKey, settleProvisional } from './provisional.js';

const reply = (text: string, policies: string[]): Suggestion => ({
  afterUtterance: 0,
  text,
  policies,
  engine: 'rules',
});
const option = (o: Partial<RefundOption>): RefundOption => ({
  kind: 'partial_refund',
  amount: 11.97,
  currency: 'CNY',
  policy: 'fresh.partial',
  recommended: true,
  rationale: '3 of 10 spoiled',
  orderId: '1',
  ...o,
});

describe('what matters to a provisional reply', () => {
  const base = adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], [option({})]);

  it('is the replies with their policies and the refund options, in any order', () => {
    expect(adviceKey([reply('Sorry, a refund for the three', ['p2', 'p1'])], [option({})])).toBe(base);
    // The rationale is prose the options' facts already decide.
    expect(adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], [option({ rationale: 'other' })])).toBe(
      base,
    );
    const two = [option({}), option({ kind: 'replacement', recommended: false })];
    expect(adviceKey([], two)).toBe(adviceKey([], [...two].reverse()));
  });

  it('changes with a reply, a policy, an amount, the recommendation or the order', () => {
    for (const other of [
      adviceKey([reply('Sorry, a refund for the four', ['p1', 'p2'])], [option({})]),
      adviceKey([reply('Sorry, a refund for the three', ['p1'])], [option({})]),
      adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], [option({ amount: 15.96 })]),
      adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], [option({ recommended: false })]),
      adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], [option({ orderId: '2' })]),
      adviceKey([reply('Sorry, a refund for the three', ['p1', 'p2'])], []),
    ])
      expect(other).not.toBe(base);
  });

  it('confirms on the same advice and withdraws on other advice or no final', () => {
    const sent = { suggestions: [], key: base, sentAt: new Date() };
    expect(settleProvisional(sent, { key: base })).toEqual({ state: 'confirmed' });
    expect(settleProvisional(sent, { key: adviceKey([], []) })).toEqual({
      state: 'withdrawn',
      reason: 'final_differs',
    });
    expect(settleProvisional(sent, { key: null })).toEqual({ state: 'withdrawn', reason: 'final_differs' });
    expect(settleProvisional(sent, undefined)).toEqual({ state: 'withdrawn', reason: 'no_final' });
  });
});

const db = useTestDatabase();
let analyzers: CallAnalyzers;
const ORDER = '240611587736219';
const FINAL = `你好，我的订单 ${ORDER} 收到的苹果烂了三个，一共十个`;

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  await upsertMerchant(db.sql(), { id: 'm-fruit', name: '鲜果园' });
  await upsertOrder(db.sql(), {
    id: ORDER,
    merchantId: 'm-fruit',
    buyerId: 'b-1',
    currency: 'CNY',
    status: 'delivered',
    items: [{ sku: 'A', name: '烟台红富士苹果 5斤装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
    amount: 39.9,
    placedAt: new Date('2026-11-20T00:00:00Z'),
    paidAt: new Date('2026-11-20T00:00:00Z'),
    shippedAt: new Date('2026-11-21T00:00:00Z'),
    deliveredAt: new Date('2026-11-22T00:00:00Z'),
  });
});

async function call() {
  const events: CallEvent[] = [];
  const session = await CallSession.start(
    { sql: db.sql(), analyzers, emit: (e) => events.push(e) },
    {
      room: `room-${Math.random()}`,
      merchantId: 'm-fruit',
      buyerId: 'b-1',
      startedAt: new Date('2026-11-23T02:00:00Z'),
    },
  );
  return { session, events, types: () => events.map((e) => e.type).filter((t) => t.startsWith('suggestions.')) };
}
const line = (text: string, startMs = 0, endMs = 4000): TranscriptLine => ({
  speaker: 'customer',
  text,
  startMs,
  endMs,
});
const final = (text: string, startMs = 200) => ({
  ...line(text, startMs, startMs + 3700),
  engine: 'test',
  confidence: null,
});
const byType = <T extends CallEvent['type']>(events: CallEvent[], type: T) =>
  events.filter((e): e is Extract<CallEvent, { type: T }> => e.type === type);

describe('provisional replies in a call', () => {
  it('sends the interim’s replies at once and confirms them when the final asks for the same advice', async () => {
    const { session, events, types } = await call();
    await session.provisional(line(FINAL));
    expect(types()).toEqual(['suggestions.provisional']);
    const sent = byType(events, 'suggestions.provisional')[0]!.suggestions.map((s) => s.id);
    await session.addUtterance(final(FINAL));
    expect(types()).toEqual(['suggestions.provisional', 'suggestions.confirmed']);
    expect(byType(events, 'suggestions.confirmed')[0]!.suggestionIds).toEqual(sent);
    await session.end();

    const sql = db.sql();
    const states = await listSuggestionStates(sql, session.call.id);
    expect(states.map((s) => [s.suggestionId, s.state])).toEqual(
      sent.flatMap((id) => [
        [id, 'provisional'],
        [id, 'confirmed'],
      ]),
    );
    const stored = await listSuggestions(sql, session.call.id);
    for (const id of sent) expect(stored.find((s) => s.id === id)).toMatchObject({ state: 'confirmed', kind: 'reply' });
    expect(stored.find((s) => s.id === sent[0])?.afterUtteranceId).not.toBeNull();
    // The trail is append-only: a step is never changed or removed.
    await expect(sql`update suggestion_states set state = 'confirmed'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from suggestion_states`).rejects.toThrow(/append-only/);
  });

  it('withdraws them when the final changes what matters, and sends the final’s replies in their place', async () => {
    const { session, events, types } = await call();
    // The interim has not heard how many of the apples spoiled: the refund's amount is unknown.
    await session.provisional(line(`你好，我的订单 ${ORDER} 收到的苹果烂了`));
    const sent = byType(events, 'suggestions.provisional')[0]!.suggestions;
    expect(sent.length).toBeGreaterThan(0);
    await session.addUtterance(final(FINAL));
    expect(types()).toEqual(['suggestions.provisional', 'suggestions.withdrawn', 'suggestions.created']);
    const withdrawn = byType(events, 'suggestions.withdrawn')[0]!;
    const created = byType(events, 'suggestions.created')[0]!;
    expect(withdrawn).toMatchObject({ suggestionIds: sent.map((s) => s.id), reason: 'final_differs' });
    expect(withdrawn.replacedBy).toEqual(created.suggestions.map((s) => s.id));
    await session.end();
    const states = await listSuggestionStates(db.sql(), session.call.id);
    expect(states.filter((s) => s.state === 'withdrawn').map((s) => s.replacedBy)).toEqual(
      sent.map(() => withdrawn.replacedBy),
    );
  });

  it('withdraws replies whose speech brought no final, at the next final or when the call ends', async () => {
    const first = await call();
    await first.session.provisional(line(FINAL));
    // The next final is of later speech (it starts after the interim's end).
    await first.session.addUtterance(final('好的谢谢', 6000));
    expect(byType(first.events, 'suggestions.withdrawn')[0]).toMatchObject({ reason: 'no_final', replacedBy: [] });
    await first.session.end();

    const second = await call();
    await second.session.provisional(line(FINAL));
    await second.session.end();
    expect(second.types()).toEqual(['suggestions.provisional', 'suggestions.withdrawn']);
    const states = await listSuggestionStates(db.sql(), second.session.call.id);
    expect(states.at(-1)).toMatchObject({ state: 'withdrawn', reason: 'no_final' });
    expect((await listSuggestions(db.sql(), second.session.call.id))[0]).toMatchObject({ afterUtteranceId: null });
  });

  it('sends nothing provisional once the final is being handled, and finds what a call without it finds', async () => {
    const { session, events, types } = await call();
    const early = session.provisional(line(FINAL));
    const heard = session.addUtterance(final(FINAL));
    await Promise.all([early, heard]);
    expect(types()).toEqual(['suggestions.created']);
    const plain = await call();
    await plain.session.addUtterance(final(FINAL));
    expect(session.findings()).toEqual(plain.session.findings());
    expect(byType(events, 'suggestions.created')[0]!.suggestions.map((s) => s.text)).toEqual(
      byType(plain.events, 'suggestions.created')[0]!.suggestions.map((s) => s.text),
    );
  });
});
