/**
 * The trained recall layer on phrasings of our own (in no eval set): what it adds, what it must not
 * flag (warnings, the platform's own verification, quotations, the buyer's own details), and the
 * flag it records (evidence said in the line, model id and version as the detector).
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import type { FeatureSpec } from '../learn/features.js';
import { defaultLineClassifier, LineClassifier } from '../learn/model.js';
import { ComplianceDetector } from './detector.js';
import { LearnedLayer } from './learned-layer.js';
import { loadRules } from './load-rules.js';
import { LAYER_NEGATIVES, LAYER_POSITIVES } from './testing/learned-negatives.js';

const said = (...turns: [TranscriptLine['speaker'], string][]): TranscriptLine[] =>
  turns.map(([speaker, text], i) => ({ speaker, text, startMs: i * 1000, endMs: i * 1000 + 900 }));

const layer = new LearnedLayer(defaultLineClassifier(), loadRules());
const proposed = (lines: TranscriptLine[]) => layer.propose(lines, lines.length - 1, new Set()).map((c) => c.category);

describe('trained recall layer', () => {
  it.each(LAYER_POSITIVES)('flags "%s" as %s', (text, category) => {
    expect(proposed(said(['merchant', text]))).toEqual([category]);
  });

  it.each(LAYER_NEGATIVES)('does not flag "%s"', (text) => {
    expect(proposed(said(['merchant', text]))).toEqual([]);
  });

  it("does not flag the buyer's own details or their quotation of someone else", () => {
    expect(proposed(said(['customer', 'my phone number is 13912345678, please call me']))).toEqual([]);
    expect(proposed(said(['customer', '上次有个人跟我说加他微信就退款，我没理']))).toEqual([]);
    expect(proposed(said(['customer', '你们不给退款我就投诉']))).toEqual([]);
    expect(proposed(said(['customer', '我听说这个能治糖尿病是真的吗']))).toEqual([]);
  });

  it('adds nothing in a category the rules already flagged on the line', () => {
    const lines = said(['merchant', '您支付宝账号多少？我直接打给您']);
    expect(layer.propose(lines, 0, new Set(['off_platform_payment']))).toEqual([]);
  });

  it('records its flag in the detector with evidence said in the line and the model named', async () => {
    const lines = said(['customer', '退款什么时候到？'], ['merchant', '您支付宝账号多少？我直接打给您']);
    const flags = await new ComplianceDetector({ learned: true }).detect(lines);
    const flag = flags.find((f) => f.rule.includes('learned'))!;
    expect(flag).toMatchObject({ category: 'off_platform_payment', utterance: 1, speaker: 'merchant' });
    const { version } = defaultLineClassifier().model;
    expect(flag.rule).toBe(`zh.learned.off_platform_payment@${version}`);
    expect(flag.detector).toContain(`learned:compliance-lines@${version}`);
    expect(lines[1]!.text.slice(flag.span[0], flag.span[1])).toBe(flag.evidence);
    expect(flag.evidence.length).toBeGreaterThan(0);
  });

  it('leaves to the rules a refund threat they already read, spaced as speech', async () => {
    // Since the word-spacing reading (0480) the rules flag this line; the layer need not.
    const lines = said(['merchant', '申请退款的话 以后别来我们店了']);
    expect((await new ComplianceDetector().detect(lines)).map((f) => f.category)).toEqual(['refund_obstruction']);
  });

  it('is off unless the detector is built with learned: true', async () => {
    const lines = said(['merchant', '您支付宝账号多少？我直接打给您']);
    const detector = new ComplianceDetector();
    expect(detector.name).not.toContain('learned');
    expect(await detector.detect(lines)).toEqual([]);
  });

  it("scores a category with its gate's feature spec: only v2 reads the lines before the previous one", () => {
    const claim = '我们家蜂蜜能治糖尿病 比吃药管用';
    const before = said(
      ['merchant', '亲 您方便留个电话吗'],
      ['customer', '为什么要电话'],
      ['customer', '好吧'],
      ['merchant', claim],
    );
    const last = before.slice(2);
    const confidence = (features: FeatureSpec, lines: TranscriptLine[]) => {
      const { model } = defaultLineClassifier();
      const gates = { ...model.gates, claim: { ...model.gates.claim!, features } };
      const categories = { prohibited_claim: { ...model.categories.prohibited_claim!, threshold: 0.001 } };
      const one = new LearnedLayer(new LineClassifier({ ...model, gates, categories }), loadRules());
      return one.propose(lines, lines.length - 1, new Set())[0]!.confidence;
    };
    expect(confidence('line-features-v1', before)).toBe(confidence('line-features-v1', last));
    expect(confidence('line-features-v2', before)).not.toBe(confidence('line-features-v2', last));
  });

  describe('lines the rules already read (decision 0690)', () => {
    const { model } = defaultLineClassifier();
    const reading = new LearnedLayer(
      new LineClassifier({
        ...model,
        gates: { ...model.gates, pcp: { ...model.gates.pcp!, ruleReads: ['accepted', 'vetoed'] } },
      }),
      loadRules(),
    );
    const lines = said(['merchant', '方便的话把您平时用的那个绿色软件号发我']);

    it("adds no flag of a gate with ruleReads where a rule accepted or vetoed one of the gate's categories", () => {
      expect(reading.propose(lines, 0, new Set()).map((c) => c.category)).toEqual(['contact_exchange']);
      for (const state of ['accepted', 'vetoed'] as const)
        expect(reading.propose(lines, 0, new Set(), [{ category: 'privacy_request', state }])).toEqual([]);
      // Another gate's reading leaves the line open; a gate without ruleReads ignores the rules' reading.
      expect(reading.propose(lines, 0, new Set(), [{ category: 'refund_obstruction', state: 'vetoed' }])).toHaveLength(
        1,
      );
      const { ruleReads: _, ...open } = model.gates.pcp!;
      const ignoring = new LearnedLayer(
        new LineClassifier({ ...model, gates: { ...model.gates, pcp: open } }),
        loadRules(),
      );
      expect(ignoring.propose(lines, 0, new Set(), [{ category: 'privacy_request', state: 'vetoed' }])).toHaveLength(1);
    });
  });

  describe("veto of the rules' flags (decision 0575)", () => {
    const { model } = defaultLineClassifier();
    /** The shipped model with a PCP veto at `v` (the retrained file carries its own). */
    const vetoAt = (v: number) =>
      new LineClassifier({
        ...model,
        gates: { ...model.gates, pcp: { ...model.gates.pcp!, veto: true } },
        categories: Object.fromEntries(
          Object.entries(model.categories).map(([c, m]) => [
            c,
            model.gates.pcp!.categories.includes(c as never) ? { ...m!, veto: v } : m!,
          ]),
        ),
      });
    const invite = said(['customer', '东西坏了'], ['merchant', '加我微信 abc8899']);
    const shipped = defaultLineClassifier();
    const p = shipped.probability('contact_exchange', shipped.features(invite, 1, model.gates.pcp!.features));

    it('drops a rule flag the model scores under the veto, kept with its score, threshold and model', async () => {
      const detector = new ComplianceDetector({ learned: vetoAt((1 + p) / 2) });
      expect((await detector.detect(invite)).map((f) => f.category)).not.toContain('contact_exchange');
      const seen = (await detector.inspect(invite)).find((c) => c.droppedBy === 'learned')!;
      expect(seen).toMatchObject({ category: 'contact_exchange', accepted: false, rule: 'zh.contact.invite-frame@22' });
      expect(seen.verdicts.at(-1)).toEqual({
        layer: 'rule',
        verdict: 'rejected',
        confidence: Math.round(p * 1000) / 1000,
        detail: { model: `compliance-lines@${model.version}`, vetoBelow: (1 + p) / 2 },
      });
    });

    it('keeps the flag when the model scores it at or over the veto, or the model has no veto', async () => {
      const none = new LineClassifier({
        ...model,
        gates: { ...model.gates, pcp: { ...model.gates.pcp!, veto: false } },
        categories: Object.fromEntries(Object.entries(model.categories).map(([c, { veto: _, ...m }]) => [c, m])),
      });
      for (const learned of [vetoAt(p), none]) {
        const flags = await new ComplianceDetector({ learned }).detect(invite);
        expect(flags.map((f) => [f.category, f.rule])).toContainEqual([
          'contact_exchange',
          'zh.contact.invite-frame@22',
        ]);
      }
    });

    it('never vetoes an answer that names no datum: the act is the line before', async () => {
      const answer = said(['customer', '能加你微信吗？'], ['merchant', '可以的亲']);
      const rules = await new ComplianceDetector({ learned: false }).detect(answer);
      const vetoing = await new ComplianceDetector({ learned: vetoAt(0.99) }).detect(answer);
      expect(rules.map((f) => f.category)).toContain('contact_exchange');
      expect(vetoing.map((f) => [f.category, f.utterance])).toEqual(rules.map((f) => [f.category, f.utterance]));
    });
  });
});
