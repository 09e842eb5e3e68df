/**
 * Hard negatives for the trained layer (decision 0500): every line the compliance tests say must
 * raise no flag (the cases with `expect: null`, the benign lines said by either party) and the
 * precision probe's 86 look-alikes (eval/precision-probe), each after the lines before it, scored
 * with a compliance model file (a) in today's detector, where a category a rule proposed on the line
 * (vetoed or not) is not the layer's to flag, and (b) by the layer alone, as if no rule had read the
 * line (what an engine change elsewhere could expose). Nothing here is training data, so every model
 * meets these lines unseen. Also prints how many of the tests' violation cases the layer alone
 * would catch (its recall on hand-written text).
 *
 *   npx tsx eval/learn/probe.ts [--model FILE] [--list]   (default: the shipped model)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscriptLine } from '../../core/domain.js';
import { ComplianceDetector } from '../../pipelines/compliance/index.js';
import { LearnedLayer } from '../../pipelines/compliance/learned-layer.js';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import { BENIGN_EN, BENIGN_ZH } from '../../pipelines/compliance/testing/benign.js';
import { type Case, toLines } from '../../pipelines/compliance/testing/cases.js';
import { EN_CASES } from '../../pipelines/compliance/testing/cases-en.js';
import { MORE_CASES } from '../../pipelines/compliance/testing/cases-more.js';
import { RECALL_CASES } from '../../pipelines/compliance/testing/cases-recall.js';
import { RECALL_B_CASES } from '../../pipelines/compliance/testing/cases-recall-b.js';
import { ZH_CASES } from '../../pipelines/compliance/testing/cases-zh.js';
import { LineClassifier, loadLineModel } from '../../pipelines/learn/model.js';
import { repo } from './dataset.js';

const args = process.argv.slice(2);
const file = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined;
const model = loadLineModel(file);
const classifier = new LineClassifier(model);
const layer = new LearnedLayer(classifier, loadRules());
const detector = new ComplianceDetector({ learned: classifier });

type Probe = { source: string; lines: TranscriptLine[] };
type Said = { speaker: 'merchant' | 'customer'; text: string };
const cases = [...EN_CASES, ...ZH_CASES, ...MORE_CASES, ...RECALL_CASES, ...RECALL_B_CASES];
const said = (texts: readonly string[]): Case[] =>
  texts.flatMap((t) => (['merchant', 'customer'] as const).map((sp) => ({ lines: [[sp, t]], expect: null })));
const precisionProbe = readFileSync(join(repo, 'eval', 'precision-probe', 'lines.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Said & { before?: Said[] })
  .map((p) => toLines({ lines: [...(p.before ?? []), p].map((x) => [x.speaker, x.text]), expect: null }));
const negatives: Probe[] = [
  ...cases.filter((c) => c.expect === null).map((c) => ({ source: 'test cases (expect: null)', lines: toLines(c) })),
  ...said([...BENIGN_ZH, ...BENIGN_EN]).map((c) => ({ source: 'benign lines (either party)', lines: toLines(c) })),
  ...precisionProbe.map((lines) => ({ source: 'precision-probe', lines })),
];

const flagsOn = (lines: TranscriptLine[]) => layer.propose(lines, lines.length - 1, new Set());
const inDetector = async (lines: TranscriptLine[]) =>
  (await detector.detectUtterance(lines, lines.length - 1)).filter((f) => f.rule.includes('.learned.'));
console.log(`model ${model.id}@${model.version} (${file ?? 'shipped'})\n`);
console.log(
  '| hard negatives | lines | flagged by the layer in the detector | by the layer alone |\n|---|---|---|---|',
);
const flagged: string[] = [];
for (const source of [...new Set(negatives.map((n) => n.source))]) {
  const mine = negatives.filter((n) => n.source === source);
  let [inside, alone] = [0, 0];
  for (const p of mine) {
    const got = flagsOn(p.lines);
    const real = await inDetector(p.lines);
    if (real.length) inside++;
    if (got.length === 0) continue;
    alone++;
    const line = p.lines.at(-1)!;
    const where = real.length ? 'DETECTOR' : 'alone';
    flagged.push(
      `${where} ${got.map((g) => `${g.category} p=${g.confidence}`).join(', ')}: ${line.speaker}: ${line.text}`,
    );
  }
  console.log(`| ${source} | ${mine.length} | ${inside} | ${alone} |`);
}
const positives = cases.filter((c) => c.expect !== null && model.categories[c.expect]);
const caught = positives.filter((c) => flagsOn(toLines(c)).some((f) => f.category === c.expect)).length;
console.log(`\nTest cases of a category the model covers, caught by the layer alone: ${caught}/${positives.length}`);
if (flagged.length) console.log(`\n## flagged\n${flagged.map((f) => `- ${f}`).join('\n')}`);
