/**
 * The hand-written compliance tests' lines as training data (decision 0640), as the promise veto
 * trains on its tests' lines (0385): every case of the detector tests (its last line labelled with the
 * case's category, or no category for `expect: null`), the benign lines said by either party, and
 * learned-layer.test.ts's positive and negative merchant lines. Each case is one call of the
 * training-only set TESTS_SET (a spec's `trainOnTests`); only its last line is a training example,
 * the lines before it are its context. Never held out, scored or used to choose a threshold: the
 * held-out folds choose it, and the tests check that the shipped model still separates these lines.
 */
import { toLines } from '../../pipelines/compliance/testing/cases.js';
import { LAYER_POSITIVES } from '../../pipelines/compliance/testing/learned-negatives.js';
import type { Call } from './dataset.js';
import { layerNegatives, TEST_CASES, testNegatives } from './hard-negatives.js';

export const TESTS_SET = 'compliance-tests';

export function testCalls(): Call[] {
  const positives = [
    ...TEST_CASES.filter((c) => c.expect !== null).map((c) => ({ lines: toLines(c), label: c.expect! as string })),
    ...LAYER_POSITIVES.map(([text, label]) => ({
      lines: toLines({ lines: [['merchant', text]], expect: null }),
      label: label as string,
    })),
  ];
  const negatives = [...testNegatives(), ...layerNegatives()].map((p) => ({ lines: p.lines, label: undefined }));
  return [...positives, ...negatives].map(({ lines, label }, k) => ({
    set: TESTS_SET,
    name: `case-${String(k).padStart(4, '0')}`,
    lines,
    labels: lines.map((_, i) => new Set(label !== undefined && i === lines.length - 1 ? [label] : [])),
    hardNegatives: new Set<number>(),
    promises: [],
  }));
}

/** Whether a line is a training example: a test call's context lines are not (only its last line is). */
export const isExample = (call: Call, line: number) => call.set !== TESTS_SET || line === call.lines.length - 1;
