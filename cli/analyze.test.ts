import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKefu } from '../test/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'kefu-analyze-'));

describe('kefu analyze', () => {
  it('prints exactly one JSON object in the documented shape for a Chinese call', async () => {
    const r = await runKefu(
      ['analyze', fixture('call-zh-fruit.jsonl'), '--started-at', '2026-11-23T10:00:00+08:00', '--json'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining([
        'orderNumbers',
        'amounts',
        'promises',
        'flags',
        'suggestions',
        'refundOptions',
        'summary',
      ]),
    );
    expect(out.orderNumbers).toEqual(['240611587736219']);
    expect(out.amounts).toContainEqual(expect.objectContaining({ value: 39.9, currency: 'CNY', utterance: 1 }));
    expect(out.promises).toContainEqual(
      expect.objectContaining({
        speaker: 'merchant',
        action: 'ship',
        deadline: '2026-11-24',
        conditional: false,
        utterance: 3,
      }),
    );
    const flag = out.flags.find((f: { category: string }) => f.category === 'contact_exchange');
    expect(flag).toMatchObject({ utterance: 2, rule: expect.stringMatching(/^zh\.contact\.[a-z.-]+@\d+$/) });
    const line = '非常抱歉，您加我微信 abc8899，我私下转您12块钱';
    expect(line.slice(flag.span[0], flag.span[1])).toBe(flag.evidence);
    expect(flag.evidence).toContain('微信');
    const recommended = out.refundOptions.filter((o: { recommended: boolean }) => o.recommended);
    expect(recommended).toHaveLength(1);
    expect(out.refundOptions[0]).toMatchObject({ recommended: true, currency: 'CNY', amount: 11.97 });
    expect(out.suggestions[0]).toMatchObject({
      afterUtterance: 1,
      policies: expect.arrayContaining([expect.any(String)]),
    });
    expect(out.summary).toMatch(/240611587736219/);
  });

  it('reads an English call in its own zone: "by Friday" from a Monday in Los Angeles', async () => {
    const r = await runKefu(
      ['analyze', fixture('call-en-earbuds.jsonl'), '--started-at', '2026-11-23T17:00:00-08:00', '--json'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.orderNumbers).toEqual(['7731904452']);
    expect(out.promises).toContainEqual(
      expect.objectContaining({ action: 'ship', deadline: '2026-11-27', speaker: 'merchant' }),
    );
    expect(out.flags.map((f: { category: string }) => f.category)).toContain('review_manipulation');
    expect(
      out.suggestions.every((s: { text: string }) => /[a-z]/i.test(s.text) && !/[\u4e00-\u9fff]/.test(s.text)),
    ).toBe(true);
  });

  it('prints a readable report without --json', async () => {
    const r = await runKefu(['analyze', fixture('call-zh-fruit.jsonl'), '--started-at', '2026-11-23T10:00:00+08:00'], {
      cwd,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Order numbers \(1\)\n\s+240611587736219/);
    expect(r.stdout).toMatch(/Flags \(\d+\)\n\s+\[high\] contact_exchange by merchant/);
    expect(r.stdout).toContain('Summary');
  });

  it.each([
    [
      '{"speaker":"customer","text":"hi","startMs":0,"endMs":10}\n{"speaker":"customer","startMs":0,"endMs":1}\n',
      ':2: missing field "text"',
    ],
    ['{"speaker":"customer","text":"hi","startMs":0,"endMs":10}\nnot json\n', ':2: not valid JSON'],
  ])('exits 2 naming the line and field of bad input', async (body, message) => {
    const file = join(cwd, `bad-${Math.random()}.jsonl`);
    writeFileSync(file, body);
    const r = await runKefu(['analyze', file, '--started-at', '2026-11-23T10:00:00+08:00', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('analyses a folder in one process as JSON Lines, each naming its file, a bad file in its place', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kefu-batch-'));
    writeFileSync(join(folder, 'a.jsonl'), readFileSync(fixture('call-zh-fruit.jsonl')));
    writeFileSync(join(folder, 'b.jsonl'), 'not json\n');
    writeFileSync(join(folder, 'c.jsonl'), readFileSync(fixture('call-en-earbuds.jsonl')));
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const r = await runKefu(['analyze', folder, '--started-at', '2026-11-23T10:00:00+08:00', '--json'], { cwd });
    expect(r.code).toBe(2);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.file)).toEqual(['a.jsonl', 'b.jsonl', 'c.jsonl'].map((n) => join(folder, n)));
    expect(rows[0].orderNumbers).toEqual(['240611587736219']);
    expect(rows[1].error).toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining(':1: not valid JSON'),
    });
    expect(rows[2].orderNumbers).toEqual(['7731904452']);
  }, 120_000);

  it('exits 2 for a missing file, a missing or bad --started-at', async () => {
    const missing = await runKefu(['analyze', join(cwd, 'nope.jsonl'), '--started-at', '2026-11-23T10:00:00Z'], {
      cwd,
    });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nope.jsonl: no such file')]);
    const noTime = await runKefu(['analyze', fixture('call-zh-fruit.jsonl')], { cwd });
    expect([noTime.code, noTime.stderr]).toEqual([2, expect.stringContaining('--started-at ISO8601 is required')]);
    const badTime = await runKefu(['analyze', fixture('call-zh-fruit.jsonl'), '--started-at', 'noon'], { cwd });
    expect([badTime.code, badTime.stderr]).toEqual([2, expect.stringContaining('"noon" is not an ISO 8601 time')]);
  });
});
