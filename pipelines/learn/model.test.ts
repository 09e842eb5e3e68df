/**
 * The line model file: the shipped one loads and names itself; a bad file is refused with an error
 * naming the file and what is wrong; features keep their spans.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_SPECS, featureNames, hashFeature, lineFeatures } from './features.js';
import { strongestPerGate } from './gate.js';
import { DEFAULT_MODEL_FILE, denseWeights, LineClassifier, loadLineModel } from './model.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-line-model-'));
const shipped = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
const writeModel = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe('line model file', () => {
  it('loads the shipped model, trained on development sets only', () => {
    const model = loadLineModel();
    expect(new LineClassifier(model).name).toBe(`${model.id}@${model.version}`);
    expect(Object.keys(model.categories).sort()).toEqual([
      'contact_exchange',
      'off_platform_payment',
      'privacy_request',
      'prohibited_claim',
      'refund_obstruction',
      'review_manipulation',
    ]);
    for (const blind of ['abuse-l', 'blind-t', 'blind-u', 'blind-w']) expect(model.trainingSets).not.toContain(blind);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const file = writeModel('broken.json', '{"id": ');
    expect(() => loadLineModel(file)).toThrow(`Line model ${file} cannot be read as JSON`);
  });

  it('refuses a gate trained on another feature spec, or a gate that names none', () => {
    const { features: _, ...unnamed } = shipped.gates.claim;
    const other = writeModel('spec.json', {
      ...shipped,
      gates: { ...shipped.gates, claim: { ...shipped.gates.claim, features: 'line-features-v0' } },
    });
    expect(() => loadLineModel(other)).toThrow(/is invalid at gates\.claim\.features/);
    const none = writeModel('no-spec.json', { ...shipped, gates: { ...shipped.gates, claim: unnamed } });
    expect(() => loadLineModel(none)).toThrow(/is invalid at gates\.claim\.features/);
  });

  it('refuses a veto threshold for a category whose gate allows no veto, and reads one where it does', () => {
    const pcp = { ...shipped.gates.pcp, veto: false };
    const none = Object.fromEntries(
      Object.entries(shipped.categories as Record<string, { veto?: number }>).map(([c, { veto: _, ...m }]) => [c, m]),
    );
    const categories = { ...none, privacy_request: { ...none.privacy_request, veto: 0.1 } };
    const refused = writeModel('veto-off.json', { ...shipped, gates: { ...shipped.gates, pcp }, categories });
    expect(() => loadLineModel(refused)).toThrow(/is invalid at categories\.privacy_request\.veto/);
    const gates = { ...shipped.gates, pcp: { ...pcp, veto: true } };
    const read = new LineClassifier(loadLineModel(writeModel('veto-on.json', { ...shipped, gates, categories })));
    expect(read.vetoThreshold('privacy_request')).toBe(0.1);
    expect(read.vetoThreshold('prohibited_claim')).toBeUndefined();
  });

  it('refuses weights out of order or outside the hashed range', () => {
    const weights = [
      [5, 0.1],
      [3, 0.2],
    ];
    const file = writeModel('order.json', {
      ...shipped,
      categories: { contact_exchange: { threshold: 0.5, weights } },
    });
    expect(() => loadLineModel(file)).toThrow(/invalid at categories\.contact_exchange\.weights: bad index 3/);
  });

  it('refuses weights that are not [index, weight] pairs, naming the pair (checked without a schema per pair)', () => {
    const refused = (name: string, weights: unknown) =>
      writeModel(name, { ...shipped, categories: { contact_exchange: { threshold: 0.5, weights } } });
    const at = 'invalid at categories\\.contact_exchange\\.weights';
    expect(() => loadLineModel(refused('not-list.json', { 1: 0.5 }))).toThrow(new RegExp(`${at}: expected an array`));
    expect(() => loadLineModel(refused('missing.json', undefined))).toThrow(new RegExp(`${at}: expected an array`));
    expect(() => loadLineModel(refused('triple.json', [[1, 0.5, 2]]))).toThrow(new RegExp(`${at}\\.0: expected an`));
    expect(() => loadLineModel(refused('negative.json', [[-1, 0.5]]))).toThrow(new RegExp(`${at}\\.0\\.0: expected a`));
    expect(() => loadLineModel(refused('fraction.json', [[1.5, 0.5]]))).toThrow(
      new RegExp(`${at}\\.0\\.0: expected a`),
    );
    expect(() =>
      loadLineModel(
        refused('text.json', [
          [1, 0.5],
          [2, '0.5'],
        ]),
      ),
    ).toThrow(new RegExp(`${at}\\.1\\.1: expected a`));
    const kept = [
      [1, -0.25],
      [7, 2],
    ];
    expect(loadLineModel(refused('pairs.json', kept)).categories.contact_exchange?.weights).toEqual(kept);
  });

  it('scores with dense weights, 2^bits long, zero where the file names no index', () => {
    expect([
      ...denseWeights(
        [
          [1, 0.5],
          [3, -2],
        ],
        2,
      ),
    ]).toEqual([0, 0.5, 0, -2]);
  });

  it('refuses a category that no gate covers, or that two gates cover', () => {
    const { refund, ...others } = shipped.gates;
    const none = writeModel('no-gate.json', { ...shipped, gates: others });
    expect(() => loadLineModel(none)).toThrow(/invalid at categories\.refund_obstruction: 0 gates cover/);
    const two = writeModel('two-gates.json', { ...shipped, gates: { ...shipped.gates, again: refund } });
    expect(() => loadLineModel(two)).toThrow(/invalid at categories\.refund_obstruction: 2 gates cover/);
  });

  it('refuses a threshold outside (0, 1)', () => {
    const file = writeModel('threshold.json', {
      ...shipped,
      categories: { privacy_request: { threshold: 1.5, weights: [] } },
    });
    expect(() => loadLineModel(file)).toThrow(/invalid at categories\.privacy_request\.threshold/);
  });
});

describe('features', () => {
  it('keep the span of the words they came from, and the previous line without a span', () => {
    const lines = [
      { speaker: 'customer' as const, text: '怎么联系你们？', startMs: 0, endMs: 1 },
      { speaker: 'merchant' as const, text: '加我微信吧', startMs: 2, endMs: 3 },
    ];
    const names = featureNames(lines, 1);
    const text = lines[1]!.text;
    for (const [, span] of names) if (span) expect(span[1]).toBeLessThanOrEqual(text.length);
    expect(names).toContainEqual(['h:微信', [2, 4]]);
    expect(names.some(([n, s]) => n.startsWith('p:') && s === null)).toBe(true);
    expect(hashFeature('h:微信', 18)).toBe(hashFeature('h:微信', 18));
  });

  it('v2 crosses the previous line with this one and reads two lines further back; v1 does not', () => {
    const lines = [
      { speaker: 'merchant' as const, text: '亲 您方便留个电话吗', startMs: 0, endMs: 1 },
      { speaker: 'customer' as const, text: '为什么要电话', startMs: 2, endMs: 3 },
      { speaker: 'merchant' as const, text: '加我微信也行', startMs: 4, endMs: 5 },
    ];
    const v1 = featureNames(lines, 2).map(([n]) => n);
    const v2 = featureNames(lines, 2, 'line-features-v2');
    expect(v1.some((n) => n.startsWith('x:') || n.startsWith('w:'))).toBe(false);
    const crossed = v2.filter(([n]) => n.startsWith('x:other:'));
    expect(crossed.length).toBeGreaterThan(0);
    for (const [, span] of crossed) expect(span![1]).toBeLessThanOrEqual(lines[2]!.text.length);
    expect(v2.some(([n, span]) => n.startsWith('w:same:') && span === null)).toBe(true);
    expect(featureNames(lines, 0, 'line-features-v2').some(([n]) => n.startsWith('x:'))).toBe(false);
  });

  it('v7 adds clause frames and class pairs on every line, and the marks of the two lines before, over v2', () => {
    const lines = [
      { speaker: 'merchant' as const, text: '亲 您方便留个电话吗', startMs: 0, endMs: 1 },
      { speaker: 'customer' as const, text: '为什么要电话', startMs: 2, endMs: 3 },
      { speaker: 'merchant' as const, text: '加我微信也行', startMs: 4, endMs: 5 },
    ];
    const v2 = featureNames(lines, 2, 'line-features-v2').map(([n]) => n);
    const v7 = featureNames(lines, 2, 'line-features-v7');
    expect(v7.slice(0, v2.length).map(([n]) => n)).toEqual(v2);
    const added = v7.slice(v2.length);
    expect(added.some(([n]) => n.startsWith('f:'))).toBe(true);
    expect(added.some(([n]) => n.startsWith('y:other:1:'))).toBe(true);
    expect(added.some(([n]) => n.startsWith('y:same:2:'))).toBe(true);
    for (const [, span] of added) expect(span![1]).toBeLessThanOrEqual(lines[2]!.text.length);
    const first = featureNames(lines, 0, 'line-features-v7').map(([n]) => n);
    expect(first.some((n) => n.startsWith('f:'))).toBe(true);
    expect(first.some((n) => n.startsWith('y:') || n.startsWith('x:'))).toBe(false);
  });

  it('reads Chinese 1-3-grams and English words and bigrams with the spans they were said at', () => {
    const fs = featureNames([{ speaker: 'merchant' as const, text: '加我微信 pay me', startMs: 0, endMs: 1 }], 0);
    expect(fs).toContainEqual(['h:微信', [2, 4]]);
    expect(fs).toContainEqual(['h:加我微', [0, 3]]);
    expect(fs).toContainEqual(['b:pay_me', [5, 11]]);
    expect(fs.some(([n]) => n === 'h:信p' || n.startsWith('h:信 '))).toBe(false);
  });
});

describe('hashed features', () => {
  it('are the names featureNames gives, hashed, one per distinct name in the same order (n-grams hashed without strings)', () => {
    const lines = [
      { speaker: 'merchant' as const, text: '亲 您方便留个电话吗？𠮷野家的单号 12345', startMs: 0, endMs: 1 },
      { speaker: 'customer' as const, text: '为什么要电话 why phone', startMs: 2, endMs: 3 },
      { speaker: 'merchant' as const, text: '加我微信也行，微信微信，退款退款', startMs: 4, endMs: 5 },
    ];
    for (const spec of FEATURE_SPECS)
      for (const bits of [12, 18])
        for (let i = 0; i < lines.length; i++) {
          const reference = new Map<string, { index: number; span: unknown }>();
          for (const [name, span] of featureNames(lines, i, spec))
            if (!reference.has(name)) reference.set(name, { index: hashFeature(name, bits), span });
          expect(lineFeatures(lines, i, bits, spec)).toEqual([...reference.values()]);
        }
  });
});

describe('strongestPerGate', () => {
  const gates = {
    pcp: { categories: ['contact_exchange', 'privacy_request'], datum: ['x'], block: [], blockLine: [] },
    claim: { categories: ['prohibited_claim'], datum: ['x'], block: [], blockLine: [] },
  };
  it('keeps the most probable flag of each gate on each line, the first on a tie', () => {
    const flags = [
      { category: 'privacy_request', p: 0.7, line: 1 },
      { category: 'contact_exchange', p: 0.9, line: 1 },
      { category: 'prohibited_claim', p: 0.6, line: 1 },
      { category: 'privacy_request', p: 0.8, line: 2 },
      { category: 'contact_exchange', p: 0.8, line: 2 },
    ];
    const kept = strongestPerGate(
      flags,
      gates,
      (f) => f.p,
      (f) => String(f.line),
    );
    expect(kept.map((f) => `${f.category}@${f.line}`)).toEqual([
      'contact_exchange@1',
      'prohibited_claim@1',
      'privacy_request@2',
    ]);
  });
});
