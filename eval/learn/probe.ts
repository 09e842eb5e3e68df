/**
 * Hard negatives for the trained layer (decision 0500, eval/learn/hard-negatives.ts): the compliance
 * tests' lines that must raise no flag and the precision probe's 86 look-alikes, scored with a
 * compliance model file (a) in today's detector, where a category a rule proposed on the line
 * (vetoed or not) is not the layer's to flag, and (b) by the layer alone, as if no rule had read the
 * line (what an engine change elsewhere could expose). The trainer keeps thresholds above (a) on the
 * tests' lines, so the precision probe is the unseen check. Also prints how many of the tests'
 * violation cases the layer alone would catch (its recall on hand-written text).
 *
 *   npx tsx eval/learn/probe.ts [--model FILE]   (default: the shipped model)
 */
import type { TranscriptLine } from '../../core/domain.js';
import { ComplianceDetector } from '../../pipelines/compliance/index.js';
import { LearnedLayer } from '../../pipelines/compliance/learned-layer.js';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import { toLines } from '../../pipelines/compliance/testing/cases.js';
import { LineClassifier, loadLineModel } from '../../pipelines/learn/model.js';
import { precisionProbe, TEST_CASES, testNegatives } from './hard-negatives.js';

const args = process.argv.slice(2);
const file = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined;
const model = loadLineModel(file);
const classifier = new LineClassifier(model);
const layer = new LearnedLayer(classifier, loadRules());
const detector = new ComplianceDetector({ learned: classifier });

const negatives = [...testNegatives(), ...precisionProbe()];
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
const positives = TEST_CASES.filter((c) => c.expect !== null && model.categories[c.expect]);
const caught = positives.filter((c) => flagsOn(toLines(c)).some((f) => f.category === c.expect)).length;
console.log(`\nTest cases of a category the model covers, caught by the layer alone: ${caught}/${positives.length}`);
if (flagged.length) console.log(`\n## flagged\n${flagged.map((f) => `- ${f}`).join('\n')}`);
