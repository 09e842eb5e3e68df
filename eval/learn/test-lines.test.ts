/**
 * The compliance tests' lines as training data (decision 0640): one training-only call per case, only
 * its last line an example, labelled with the case's category; a spec with `trainOnTests` trains on
 * them in every fold and never holds them out.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_NEGATIVES, LAYER_POSITIVES } from '../../pipelines/compliance/testing/learned-negatives.js';
import { featuredSets, readSpec, trainOn, trainOnlyOf } from './common.js';
import { isExample, TESTS_SET, testCalls } from './test-lines.js';

describe("the compliance tests' lines as training data", () => {
  const calls = testCalls();
  const last = (c: (typeof calls)[number]) => c.lines.at(-1)!;

  it("holds the layer tests' positives in their category and negatives with none, as merchant lines", () => {
    for (const [text, category] of LAYER_POSITIVES) {
      const c = calls.find((x) => x.lines.length === 1 && last(x).text === text && x.labels[0]!.size)!;
      expect([...c.labels[0]!], text).toEqual([category]);
      expect(last(c).speaker).toBe('merchant');
    }
    for (const text of LAYER_NEGATIVES)
      expect(calls.some((x) => last(x).text === text && x.labels.at(-1)!.size === 0)).toBe(true);
  });

  it('labels only the last line of a case; the lines before it are context, no example', () => {
    const multi = calls.filter((c) => c.lines.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const c of multi) {
      c.labels.slice(0, -1).forEach((l) => expect(l.size).toBe(0));
      expect(isExample(c, 0)).toBe(false);
      expect(isExample(c, c.lines.length - 1)).toBe(true);
    }
    expect(calls.every((c) => c.set === TESTS_SET)).toBe(true);
  });

  it('joins training only when the spec says trainOnTests, as a training-only set', () => {
    const spec = readSpec();
    expect(trainOnlyOf({ ...spec, trainOnTests: false })).not.toContain(TESTS_SET);
    expect(trainOnlyOf({ ...spec, trainOnTests: true }).at(-1)).toBe(TESTS_SET);
    const sets = featuredSets([], { ...spec, trainOnTests: true });
    expect(sets.calls.get(TESTS_SET)!.length).toBe(calls.length);
  });

  it('trains on no line of weight 0', () => {
    const spec = readSpec();
    const sets = featuredSets([], { ...spec, trainOnTests: true });
    const data = sets.featured('line-features-v1', TESTS_SET);
    const none = trainOn(
      data,
      () => true,
      spec,
      undefined,
      () => 0,
    );
    expect(none.every((w) => w === 0)).toBe(true);
  });
});
