import { describe, expect, it } from 'vitest';
import { AmountNoteSchema, OrderNumberNoteSchema, ProductNoteSchema, PromiseNoteSchema } from '../../core/analysis.js';
import { BATCH2_CALLS } from './fixtures/calls-batch2.js';
import { EN_CALLS } from './fixtures/calls-en.js';
import { MIXED_CALLS } from './fixtures/calls-mixed.js';
import { ZH_CALLS } from './fixtures/calls-zh.js';
import { scoreCall } from './fixtures/score.js';
import { extractNotes } from './index.js';

const CALLS = [...ZH_CALLS, ...EN_CALLS, ...MIXED_CALLS, ...BATCH2_CALLS];

describe('extractNotes on scripted calls', () => {
  it.each(CALLS.map((c) => [c.name, c] as const))('%s', (_, call) => {
    const notes = extractNotes(call.lines, {
      startedAt: new Date(call.startedAt),
      timeZone: call.timeZone,
      knownOrderIds: call.knownOrderIds,
      catalogue: call.catalogue,
    });
    expect(scoreCall(call, notes).misses).toEqual([]);
    if (call.expected.products) expect(notes.products.map((p) => p.name)).toEqual(call.expected.products);
    // Every note is valid against the contract shapes, and spans point into the line.
    for (const o of notes.orderNumbers) OrderNumberNoteSchema.parse(o);
    for (const a of notes.amounts) AmountNoteSchema.parse(a);
    for (const p of notes.products) ProductNoteSchema.parse(p);
    for (const p of notes.promises) {
      PromiseNoteSchema.parse(p);
      expect(call.lines[p.utterance]!.text).toContain(p.text);
    }
    for (const n of [...notes.orderNumbers, ...notes.amounts, ...notes.products]) {
      expect(n.span[1]).toBeLessThanOrEqual(call.lines[n.utterance]!.text.length);
    }
  });
});

describe('extractNotes context', () => {
  const lines = [{ speaker: 'merchant' as const, text: '明天给您补发', startMs: 0, endMs: 1 }];

  it('rejects an unknown time zone and an invalid start time as INPUT_INVALID', () => {
    const bad = [
      () => extractNotes(lines, { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Mars/Base' }),
      () => extractNotes(lines, { startedAt: new Date('nope'), timeZone: 'Asia/Shanghai' }),
    ];
    for (const run of bad) expect(() => run()).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });

  it('accepts a fixed offset as the zone', () => {
    const notes = extractNotes(lines, { startedAt: new Date('2026-11-24T20:00:00Z'), timeZone: '+08:00' });
    expect(notes.promises[0]!.deadline).toBe('2026-11-26');
  });
});
