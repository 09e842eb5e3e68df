import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { listFlags } from '../../db/queries/flags.js';
import { listNotes, listPromises } from '../../db/queries/notes.js';
import { upsertMerchant } from '../../db/queries/people.js';
import { useTestDatabase } from '../../test/db.js';
import { extractNotes } from '../notes/index.js';
import { analyzeTranscript } from './analyze-transcript.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';

// Lines in the register of real after-sales chats, chosen for what crosses lines: a bare number
// answering "订单号？", an open promise restated with its time, an alternative to a promise, a
// sum whose currency an earlier line named (S$45 … "refund the 45") or a later line's words settle
// ($80 … "ok can lah": read again, and the stored note with it), and the compliance state's
// open acts (a datum named then asked for, a chat app offered then paid through, a number after a
// private deal or a chat app asked about).
const MERCHANT = [
  '亲 退款这边是退到您的银行卡号上',
  '发给小妹就行',
  '您方便的话加一下小妹的绿色软件',
  '加上了小妹直接给您发个红包补偿',
  '量大的话 您直接转账给小妹就行',
  '三七六 五五一 二零九八',
  '亲，麻烦报一下订单号哦~',
  'What is your order number?',
  '小妹这边给您补发一个哈',
  '明天上午给您发出，您放心',
  '这边帮您催一下快递哈',
  '或者给您发个5元红包也一样',
  '稍后给您回电',
  '如果没货就给您退款',
  '您稍等，正在帮您查询',
  "I'll ship a replacement",
  "We'll ship it out tomorrow",
  '亲，本店支持七天无理由退换哦',
  '好的亲，今天之内给您退款',
  "I'll refund the 45 today",
  '亲 给您退二十五块哈',
  'ok can lah, delivery $12',
  // A visit proposed, then booked for a time without its act, and a call before it (0685).
  '师傅周四下午上门可以吗',
  '好的亲 那就约这周六上午',
  "you're booked for Thursday 8 to 12",
  '师傅出发前会先给您打电话',
];
const CUSTOMER = [
  '为啥要加',
  '扣扣号多少',
  '240611587736219',
  '订单号 2406 1158 7736 219，苹果烂了三个，花了39.9元',
  '7731904452',
  '嗯嗯好的',
  '快递三天了还没到',
  'ok thanks',
  '那我等你们消息',
  '我明天把洗衣机寄回去',
  '耳机左边没声音，I paid $29',
  'the lamp was S$45 and another $8 shipping',
  '新币二十五一个 收到是坏的',
  'the chair $80 one got crack',
  '部機 $180 買嘅 個殼爛咗',
];

const line = fc.oneof(
  fc.constantFrom(...MERCHANT).map((text) => ({ speaker: 'merchant' as SpeakerRole, text })),
  fc.constantFrom(...CUSTOMER).map((text) => ({ speaker: 'customer' as SpeakerRole, text })),
);
// Long enough that a restatement can fall far (> 40 lines) from what it restates.
const transcript = fc
  .array(line, { minLength: 1, maxLength: 90 })
  .map((ls) => ls.map((l, i): TranscriptLine => ({ ...l, startMs: i * 4000, endMs: i * 4000 + 3000 })));

const db = useTestDatabase();
let analyzers: CallAnalyzers;
const startedAt = new Date('2026-11-23T02:00:00Z');
const timeZone = 'Asia/Shanghai';

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}) });
  await upsertMerchant(db.sql(), { id: 'm-prop', name: '属性测试店' });
});

describe('batch and live analysis', () => {
  it('note exactly the same for any transcript, and the database holds what the live call noted', async () => {
    await fc.assert(
      fc.asyncProperty(transcript, async (lines) => {
        const notes = extractNotes(lines, { startedAt, timeZone });
        const batch = await analyzeTranscript(analyzers, lines, { startedAt, timeZone });
        const session = await CallSession.start(
          { sql: db.sql(), analyzers, emit: () => {} },
          { room: `prop-${Math.random()}`, merchantId: 'm-prop', buyerId: 'b', startedAt, timeZone },
        );
        for (const l of lines) await session.addUtterance({ ...l, engine: 'transcript', confidence: null });
        const live = session.findings();
        const { flags, suggestions, refundOptions, ...liveNotes } = live;
        const { flags: f, suggestions: s, refundOptions: r, ...batchNotes } = batch.findings;
        expect(batchNotes).toEqual(notes);
        expect(liveNotes).toEqual(notes);
        expect([flags, suggestions, refundOptions]).toEqual([f, s, r]);
        const rows = await listPromises(db.sql(), session.call.id);
        expect(rows.map((p) => [p.action, p.deadline, p.conditional, p.text]).sort()).toEqual(
          notes.promises.map((p) => [p.action, p.deadline, p.conditional, p.text]).sort(),
        );
        const orders = (await listNotes(db.sql(), session.call.id)).filter((n) => n.kind === 'order_number');
        expect(orders.map((n) => n.value.value)).toEqual(notes.orderNumbers.map((o) => o.value));
        const amounts = (await listNotes(db.sql(), session.call.id)).filter((n) => n.kind === 'amount');
        expect(amounts.map((n) => `${n.value.value} ${n.value.currency}`).sort()).toEqual(
          notes.amounts.map((a) => `${a.value} ${a.currency}`).sort(),
        );
      }),
      { numRuns: 25, seed: 11 },
    );
  }, 120_000);

  it('flags the request line of a rating asked for before its reward late, stored and emitted as in batch (0715)', async () => {
    const lines: TranscriptLine[] = [
      { speaker: 'customer', text: '到了 包装挺严实的' },
      { speaker: 'merchant', text: '亲 有空帮忙点个五星好评呀' },
      { speaker: 'merchant', text: '评好截图给小妹 返您4元红包哦' },
    ].map((l, i) => ({ ...(l as { speaker: SpeakerRole; text: string }), startMs: i * 4000, endMs: i * 4000 + 3000 }));
    const batch = await analyzeTranscript(analyzers, lines, { startedAt, timeZone });
    const raised: { utterance: number }[] = [];
    const session = await CallSession.start(
      {
        sql: db.sql(),
        analyzers,
        emit: (e) => {
          if (e.type === 'flag.raised') raised.push(e.flag);
        },
      },
      { room: `split-${Math.random()}`, merchantId: 'm-prop', buyerId: 'b', startedAt, timeZone },
    );
    for (const l of lines) await session.addUtterance({ ...l, engine: 'transcript', confidence: null });
    expect(session.findings().flags).toEqual(batch.findings.flags);
    expect(batch.findings.flags.map((f) => [f.utterance, f.category]).sort()).toEqual([
      [1, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
    expect(raised.map((f) => f.utterance).sort()).toEqual([1, 2]);
    // The late flag is stored on the request line's row, with that line's audio times.
    const rows = await listFlags(db.sql(), session.call.id);
    expect(rows.map((r) => [r.audioStartMs, r.audioEndMs]).sort()).toEqual([
      [4000, 7000],
      [8000, 11000],
    ]);
  });

  it("recommends the remedy the merchant settles on after the buyer's last line, and none while none is named", async () => {
    const call = (merchant: string) =>
      [
        { speaker: 'customer' as const, text: '保温杯收到就裂了' },
        { speaker: 'merchant' as const, text: merchant },
      ].map((l, i) => ({ ...l, startMs: i * 1000, endMs: i * 1000 + 500 }));
    const settled = await analyzeTranscript(analyzers, call('给您换个新的 明天寄出'), { startedAt, timeZone });
    expect(settled.findings.refundOptions.find((o) => o.recommended)?.kind).toBe('replacement');
    const open = await analyzeTranscript(analyzers, call('您稍等，正在帮您查询'), { startedAt, timeZone });
    expect(open.findings.refundOptions.length).toBeGreaterThan(0);
    expect(open.findings.refundOptions.some((o) => o.recommended)).toBe(false);
  });

  it('keeps a promise restated 60 lines later as one promise, as a full reading does', () => {
    const filler = Array.from({ length: 60 }, () => ({ speaker: 'customer' as const, text: '嗯嗯好的' }));
    const lines = [
      { speaker: 'merchant' as const, text: '明天给您补发' },
      ...filler,
      { speaker: 'merchant' as const, text: '明天给您补发哈' },
    ].map((l, i) => ({ ...l, startMs: i * 1000, endMs: i * 1000 + 500 }));
    expect(extractNotes(lines, { startedAt, timeZone }).promises.map((p) => p.utterance)).toEqual([0]);
  });
});
