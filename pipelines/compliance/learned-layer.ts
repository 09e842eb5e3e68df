/**
 * The trained recall layer (docs/decisions/0300, 0340): a line classifier trained on the annotated
 * development sets adds a flag the rules did not raise, for a category its model covers, when its
 * probability clears the model's held-out threshold and the line passes the category's gate: said
 * by a speaker the category's rules apply to, naming one of the gate's classes (a datum, channel or
 * payment class; a refund; a health or absolute claim), and no negated, quoted or warning clause
 * under the evidence; one flag per gate on a line, the most probable (0500). Evidence is the span of
 * the strongest features' words in the line. Where its gate allows it, the model also vetoes a
 * rule's flag on a line naming the gate's datum that it scores under the category's veto threshold
 * (decision 0575): the veto verdict names the model, its score and the threshold.
 */
import type { LayerVerdict } from '../../core/analysis.js';
import type { Severity, TranscriptLine } from '../../core/domain.js';
import { blocked, gateOf, opens, type RuleReading, readByRules, strongestPerGate, vetoes } from '../learn/gate.js';
import type { Feature, FeatureSpec } from '../learn/features.js';
import type { LineClassifier } from '../learn/model.js';
import { detectLanguage } from '../language/index.js';
import type { RuleSet } from './load-rules.js';

export interface LearnedCandidate {
  category: string;
  severity: Severity;
  span: [number, number];
  evidence: string;
  rule: string;
  confidence: number;
  verdicts: LayerVerdict[];
}

export class LearnedLayer {
  private readonly speakers = new Map<string, Set<string>>();
  private readonly severity = new Map<string, Severity>();

  constructor(
    readonly classifier: LineClassifier,
    rules: RuleSet,
  ) {
    for (const r of rules.rules) {
      const set = this.speakers.get(r.category) ?? this.speakers.set(r.category, new Set()).get(r.category)!;
      for (const s of r.speakers) set.add(s);
      if (!this.severity.has(r.category)) this.severity.set(r.category, r.severity);
    }
  }

  /**
   * The model's veto of a rule's flag of `category` on line `index` (decision 0575): a rejected
   * verdict with its probability, the threshold and the model's name, or null when the model keeps
   * the flag (no veto for the category, the line names no datum of its gate, or it scores at or
   * over the threshold).
   */
  veto(lines: readonly TranscriptLine[], index: number, category: string): LayerVerdict | null {
    const gate = gateOf(this.classifier.model.gates, category);
    const threshold = this.classifier.vetoThreshold(category);
    let p = 1;
    const score = () => {
      p = this.classifier.probability(category, this.classifier.features(lines, index, gate!.features));
      return p;
    };
    if (!vetoes(gate, threshold, lines[index]!.text, score)) return null;
    return {
      layer: 'rule',
      verdict: 'rejected',
      confidence: Math.round(p * 1000) / 1000,
      detail: { model: this.classifier.name, vetoBelow: threshold },
    };
  }

  /**
   * Flags for line `index` in categories the engine has not already flagged there (`taken`), in no
   * gate whose `ruleReads` the rules' candidates on the line (`byRules`) close (decision 0690).
   */
  propose(
    lines: readonly TranscriptLine[],
    index: number,
    taken: ReadonlySet<string>,
    byRules: readonly RuleReading[] = [],
  ): LearnedCandidate[] {
    const line = lines[index]!;
    const model = this.classifier.model;
    const open = this.classifier.categories.filter(
      (c) =>
        !taken.has(c) &&
        this.speakers.get(c)?.has(line.speaker) &&
        this.severity.has(c) &&
        !readByRules(gateOf(model.gates, c)!, byRules),
    );
    const gated = open.flatMap((category) => {
      const gate = gateOf(model.gates, category)!;
      return opens(line.text, gate, category) ? [{ category, gate }] : [];
    });
    if (gated.length === 0) return [];
    // Gates may read different feature specs; each spec's features are computed once per line.
    const bySpec = new Map<FeatureSpec, Feature[]>();
    const out: (LearnedCandidate & { p: number })[] = [];
    for (const { category, gate } of gated) {
      let features = bySpec.get(gate.features);
      if (!features) bySpec.set(gate.features, (features = this.classifier.features(lines, index, gate.features)));
      const p = this.classifier.probability(category, features);
      const threshold = model.categories[category as keyof typeof model.categories]!.threshold;
      if (p < threshold) continue;
      const span = this.classifier.evidence(category, features);
      if (!span || blocked(line.text, span, gate)) continue;
      const lang = detectLanguage(line.text) === 'en' ? 'en' : 'zh';
      out.push({
        category,
        severity: this.severity.get(category)!,
        span,
        evidence: line.text.slice(span[0], span[1]),
        rule: `${lang}.learned.${category}@${model.version}`,
        p,
        confidence: Math.round(Math.min(0.99, p) * 1000) / 1000,
        verdicts: [
          {
            layer: 'rule',
            verdict: 'candidate',
            confidence: p,
            detail: { model: this.classifier.name, threshold },
          },
        ],
      });
    }
    // One flag per gate on a line: its categories are readings of one act.
    return strongestPerGate(out, model.gates, (c) => c.p).map(({ p: _, ...c }) => c);
  }
}
