import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpected } from '../analyze/expected.js';
import { writeProbe } from './write-probe.js';

function spec(calls: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const file = join(dir, 'probe.json');
  writeFileSync(file, JSON.stringify({ note: 'test probe', calls }));
  return file;
}

describe('probe writer', () => {
  it('writes calls and expectations the scorer reads, empty labels filled in', () => {
    const file = spec({
      a1: {
        startedAt: '2027-01-05T10:00:00+08:00',
        lines: [
          ['c', '杯子裂了'],
          ['m', '亲 小妹明天给您补发一个哈'],
        ],
        promises: [{ action: 'ship', deadline: '2027-01-06', conditional: false, utterance: 1 }],
        hardNegatives: [0],
      },
    });
    expect(writeProbe(file)).toBe(1);
    const calls = readFileSync(join(file, '..', 'calls', 'a1.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(calls.map((l) => [l.speaker, l.text])).toEqual([
      ['customer', '杯子裂了'],
      ['merchant', '亲 小妹明天给您补发一个哈'],
    ]);
    expect(calls[1].startMs).toBeGreaterThan(calls[0].endMs);
    const exp = parseExpected(readFileSync(join(file, '..', 'expected', 'a1.json'), 'utf8'), 'a1.json');
    expect(exp).toMatchObject({ orderNumbers: [], flags: [], recommendedRefund: null, note: 'test probe' });
    expect(exp.promises).toEqual([
      { speaker: 'merchant', action: 'ship', deadline: '2027-01-06', conditional: false, utterance: 1 },
    ]);
  });

  it('refuses labels that disagree with the lines, naming the call and line', () => {
    const file = spec({
      b2: {
        startedAt: '2027-01-05T10:00:00+08:00',
        lines: [
          ['c', '加我微信吧'],
          ['m', '好的'],
        ],
        promises: [{ action: 'callback', deadline: null, conditional: false, utterance: 0 }],
        flags: [{ category: 'contact_exchange', utterance: 5 }],
      },
    });
    expect(() => writeProbe(file)).toThrow(
      /b2: a merchant's promise on line 0, said by the customer[\s\S]*b2: a contact_exchange flag names line 5, the call has 2/,
    );
  });

  it('refuses an unknown action or currency, naming the field', () => {
    const file = spec({
      c3: { startedAt: '2027-01-05T10:00:00+08:00', lines: [['m', 'ok']], amounts: [{ value: 5, currency: 'RMB' }] },
    });
    expect(() => writeProbe(file)).toThrow(/calls\.c3\.amounts\.0\.currency/);
  });
});
