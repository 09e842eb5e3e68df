import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallEvent } from '../../core/events.js';
import { getCall, listUtterances } from '../../db/queries/calls.js';
import { listFlags } from '../../db/queries/flags.js';
import { listNotes, listPromises } from '../../db/queries/notes.js';
import { listSuggestions } from '../../db/queries/suggestions.js';
import { useTestDatabase } from '../../test/db.js';
import { seedFruitOrder } from '../../test/factories.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';

const db = useTestDatabase();
let analyzers: CallAnalyzers;

const lines: TranscriptLine[] = [
  { speaker: 'customer', text: '你好，我的订单 240611587736219 收到的苹果烂了三个，一共十个', startMs: 0, endMs: 4000 },
  { speaker: 'merchant', text: '非常抱歉，您加我微信 abc8899 我私下处理', startMs: 4500, endMs: 8000 },
  { speaker: 'merchant', text: '我今天就给您退款', startMs: 8500, endMs: 10000 },
  { speaker: 'customer', text: '好的谢谢，那我等退款', startMs: 10500, endMs: 12000 },
];

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  await seedFruitOrder(db.sql());
});

const start = (emit: (e: CallEvent) => void) =>
  CallSession.start(
    { sql: db.sql(), analyzers, emit },
    {
      room: `room-${Math.random()}`,
      merchantId: 'm-fruit',
      buyerId: 'b-1',
      startedAt: new Date('2026-11-23T02:00:00Z'),
      timeZone: 'Asia/Shanghai',
    },
  );
const heard = (l: TranscriptLine) => ({ ...l, engine: 'transcript', confidence: null });

describe('CallSession', () => {
  it('stores each utterance and what it causes, and emits the events in order', async () => {
    const events: CallEvent[] = [];
    const session = await start((e) => events.push(e));
    await Promise.all(lines.map((l) => session.addUtterance(heard(l))));
    const { summary } = await session.end();

    const types = events.map((e) => e.type);
    expect(types[0]).toBe('call.started');
    expect(types.at(-1)).toBe('call.ended');
    expect(types.filter((t) => t === 'utterance.final')).toHaveLength(4);
    // Per line, the merchant's advice goes out before the line is stored (utterance.final carries
    // the stored row); the dashboard's stored findings (flags) come after it.
    const at = (match: (e: CallEvent) => boolean) => events.findIndex(match);
    for (let i = 0; i < lines.length; i++) {
      const stored = at((e) => e.type === 'utterance.final' && e.utterance.index === i);
      const advice = at(
        (e) =>
          ((e.type === 'suggestions.created' || e.type === 'refund_options.created') && e.afterUtterance === i) ||
          (e.type === 'coaching.warning' && e.utterance === i),
      );
      const flagged = at((e) => e.type === 'flag.raised' && e.flag.utterance === i);
      if (advice >= 0) expect(advice).toBeLessThan(stored);
      if (flagged >= 0) expect(flagged).toBeGreaterThan(stored);
    }
    expect(at((e) => e.type === 'suggestions.created')).toBeGreaterThan(0);
    const coaching = events.filter((e) => e.type === 'coaching.warning');
    // 加我微信 … 我私下处理: the WeChat id is a contact exchange, settling privately an off-platform deal.
    expect(coaching.map((e) => e.type === 'coaching.warning' && [e.category, e.utterance])).toEqual([
      ['contact_exchange', 1],
      ['off_platform_payment', 1],
    ]);

    const sql = db.sql();
    const id = session.call.id;
    expect((await listUtterances(sql, id)).map((u) => u.index)).toEqual([0, 1, 2, 3]);
    expect((await getCall(sql, id))?.language).toBe('zh');
    const notes = await listNotes(sql, id);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'order_number', value: { value: '240611587736219', matched: true } }),
    );
    expect(await listPromises(sql, id)).toContainEqual(
      expect.objectContaining({ action: 'refund', deadline: '2026-11-23' }),
    );
    const flags = await listFlags(sql, id);
    expect(flags.map((f) => [f.category, f.speakerRole, f.audioStartMs])).toEqual([
      ['contact_exchange', 'merchant', 4500],
      ['off_platform_payment', 'merchant', 4500],
    ]);
    const kinds = (await listSuggestions(sql, id)).map((s) => s.kind);
    expect(kinds).toContain('reply');
    expect(kinds).toContain('refund_option');
    expect(kinds).toContain('coaching');
    // The order's facts drive the refund: 3 of 10 apples of a ¥39.90 order.
    expect(session.findings().refundOptions[0]).toMatchObject({
      recommended: true,
      amount: 11.97,
      orderId: '240611587736219',
    });
    expect(summary).toContain('240611587736219');
  });

  it('stores the advice a merchant saw when its line cannot be stored, and keeps later lines in place', async () => {
    const events: CallEvent[] = [];
    const session = await start((e) => events.push(e));
    // Postgres refuses a NUL in text: the line's insert fails after its advice went out.
    const broken = { ...lines[0]!, text: `${lines[0]!.text}\u0000` };
    await expect(session.addUtterance(heard(broken))).rejects.toThrow();
    const shown = events.flatMap((e) => (e.type === 'suggestions.created' ? e.suggestions.map((s) => s.id) : []));
    expect(shown.length).toBeGreaterThan(0);
    for (const l of lines.slice(1)) await session.addUtterance(heard(l));
    await session.end();

    const sql = db.sql();
    const id = session.call.id;
    const stored = await listSuggestions(sql, id);
    for (const s of shown) expect(stored.find((x) => x.id === s)).toMatchObject({ afterUtteranceId: null });
    const utterances = await listUtterances(sql, id);
    expect(utterances.map((u) => u.text)).toEqual(lines.slice(1).map((l) => l.text));
    // The merchant's WeChat line (the call's second) carries its own flags, on its own row.
    const flags = await listFlags(sql, id);
    expect(flags.map((f) => f.utteranceId)).toEqual([utterances[0]!.id, utterances[0]!.id]);
  });

  it('resumes after a crash without losing or duplicating anything', async () => {
    const first = await start(() => {});
    for (const l of lines.slice(0, 2)) await first.addUtterance(heard(l));
    // The process dies here; a new one picks the call up from the database.
    const resumed = await CallSession.resume({ sql: db.sql(), analyzers, emit: () => {} }, first.call.id);
    expect(resumed.transcript.map((u) => u.index)).toEqual([0, 1]);
    for (const l of lines.slice(2)) await resumed.addUtterance(heard(l));
    await resumed.end();

    const sql = db.sql();
    expect((await listUtterances(sql, first.call.id)).map((u) => u.text)).toEqual(lines.map((l) => l.text));
    expect(await listFlags(sql, first.call.id)).toHaveLength(2);
    const orderNotes = (await listNotes(sql, first.call.id)).filter((n) => n.kind === 'order_number');
    expect(orderNotes).toHaveLength(1);
    expect(resumed.findings().orderNumbers.map((o) => o.value)).toEqual(['240611587736219']);
  });
});
