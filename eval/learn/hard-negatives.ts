/**
 * Hand-written lines that must raise no flag (decision 0500): the compliance tests' cases with
 * `expect: null` and their benign lines said by either party, and the precision probe's look-alikes
 * (eval/precision-probe, each after the lines before it). The tests' lines are training data when the
 * spec says `trainOnTests` (test-lines.ts, decision 0640); the precision probe never is. The trainer
 * keeps every threshold above the layer's score on the tests' lines (`ceilings`), a guard that no longer
 * binds once they are trained on; probe.ts reports all three, the precision probe as the unseen check. The tests' violations floor the veto (`floors`,
 * decision 0575), as the promise tests floor the promise veto (0385).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscriptLine } from '../../core/domain.js';
import { ComplianceDetector } from '../../pipelines/compliance/index.js';
import { LearnedLayer } from '../../pipelines/compliance/learned-layer.js';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import { BENIGN_EN, BENIGN_ZH } from '../../pipelines/compliance/testing/benign.js';
import { LAYER_NEGATIVES } from '../../pipelines/compliance/testing/learned-negatives.js';
import { type Case, toLines } from '../../pipelines/compliance/testing/cases.js';
import { EN_CASES } from '../../pipelines/compliance/testing/cases-en.js';
import { MORE_CASES } from '../../pipelines/compliance/testing/cases-more.js';
import { RECALL_CASES } from '../../pipelines/compliance/testing/cases-recall.js';
import { RECALL_B_CASES } from '../../pipelines/compliance/testing/cases-recall-b.js';
import { ZH_CASES } from '../../pipelines/compliance/testing/cases-zh.js';
import { gateOf, hasDatum } from '../../pipelines/learn/gate.js';
import { type LineModel, LineClassifier } from '../../pipelines/learn/model.js';
import { repo } from './dataset.js';

export type Probe = { source: string; lines: TranscriptLine[] };
type Said = { speaker: 'merchant' | 'customer'; text: string };

/** Every hand-written compliance case (the detector tests' tables). */
export const TEST_CASES: readonly Case[] = [
  ...EN_CASES,
  ...ZH_CASES,
  ...MORE_CASES,
  ...RECALL_CASES,
  ...RECALL_B_CASES,
];
const eitherParty = (texts: readonly string[]): Case[] =>
  texts.flatMap((t) => (['merchant', 'customer'] as const).map((sp) => ({ lines: [[sp, t]], expect: null })));

/** The tests' hard negatives: what detector.test.ts pins down as unflagged, with the layer on. */
export const testNegatives = (): Probe[] => [
  ...TEST_CASES.filter((c) => c.expect === null).map((c) => ({
    source: 'test cases (expect: null)',
    lines: toLines(c),
  })),
  ...eitherParty([...BENIGN_ZH, ...BENIGN_EN]).map((c) => ({
    source: 'benign lines (either party)',
    lines: toLines(c),
  })),
];

export const precisionProbe = (): Probe[] =>
  readFileSync(join(repo, 'eval', 'precision-probe', 'lines.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Said & { before?: Said[] })
    .map((p) => ({
      source: 'precision-probe',
      lines: toLines({ lines: [...(p.before ?? []), p].map((x) => [x.speaker, x.text]), expect: null }),
    }));

/** The lines learned-layer.test.ts pins down as unflagged by the layer alone (merchant lines, decision 0625). */
export const layerNegatives = (): Probe[] =>
  LAYER_NEGATIVES.map((text) => ({
    source: 'layer test negatives',
    lines: toLines({ lines: [['merchant', text]], expect: null }),
  }));

/** `model` with every category's threshold at 0.5: what would be flagged at any threshold the trainer may choose. */
const opened = (model: LineModel): LineModel =>
  ({
    ...model,
    categories: Object.fromEntries(Object.entries(model.categories).map(([c, m]) => [c, { ...m!, threshold: 0.5 }])),
  }) as LineModel;

/**
 * Per category, the highest probability `model` gives the last line of a probe that the layer alone
 * would flag there (gate passed, evidence not blocked; no rule consulted), whatever its thresholds:
 * learned-layer.test.ts asks the layer itself, not the detector, to leave its negatives alone.
 */
export function layerCeilings(model: LineModel, probes: readonly Probe[]): Record<string, number> {
  const layer = new LearnedLayer(new LineClassifier(opened(model)), loadRules());
  const out: Record<string, number> = {};
  for (const p of probes)
    for (const c of layer.propose(p.lines, p.lines.length - 1, new Set()))
      out[c.category] = Math.max(out[c.category] ?? 0, Number(c.verdicts[0]?.confidence ?? c.confidence));
  return out;
}

/**
 * Per category, the highest probability `model` gives a line of `probes` where today's detector
 * would let the layer flag it (no rule proposed the category there, the gate passes, the evidence
 * is not blocked), whatever the model's thresholds. A threshold at or under it flags that line.
 */
export async function ceilings(model: LineModel, probes: readonly Probe[]): Promise<Record<string, number>> {
  const detector = new ComplianceDetector({ learned: new LineClassifier(opened(model)) });
  const out: Record<string, number> = {};
  for (const p of probes)
    for (const f of await detector.detectUtterance(p.lines, p.lines.length - 1)) {
      if (!f.rule.includes('.learned.')) continue;
      out[f.category] = Math.max(out[f.category] ?? 0, f.verdicts[0]?.confidence ?? f.confidence);
    }
  return out;
}

/**
 * Per category of a gate with a veto, the lowest probability `model` gives the last line of a test
 * case that expects that category there, where the line names one of the gate's datum classes (the
 * lines a veto could reach). A veto threshold at or under it drops none of the tests' violations.
 */
export function floors(model: LineModel, cases: readonly Case[] = TEST_CASES): Record<string, number> {
  const classifier = new LineClassifier(model);
  const out: Record<string, number> = {};
  for (const c of cases) {
    const gate = c.expect === null ? undefined : gateOf(model.gates, c.expect);
    const lines = toLines(c);
    const last = lines.length - 1;
    if (!gate?.veto || !hasDatum(lines[last]!.text, gate)) continue;
    const p = classifier.probability(c.expect!, classifier.features(lines, last, gate.features));
    out[c.expect!] = Math.min(out[c.expect!] ?? 1, p);
  }
  return out;
}
