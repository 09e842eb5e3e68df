import { describe, expect, it } from 'vitest';
import { FlagFindingSchema } from '../../core/analysis.js';
import { ComplianceDetector } from './detector.js';
import { call } from './testing/calls.js';
import { BENIGN_EN, BENIGN_ZH } from './testing/benign.js';
import { EN_CASES } from './testing/cases-en.js';
import { MORE_CASES } from './testing/cases-more.js';
import { RECALL_CASES } from './testing/cases-recall.js';
import { RECALL_B_CASES } from './testing/cases-recall-b.js';
import { ZH_CASES } from './testing/cases-zh.js';
import { type Case, toLines } from './testing/cases.js';

const detector = new ComplianceDetector();
const label = (c: Case) => c.lines.map(([s, t]) => `${s}: ${t}`).join(' / ');

// The hand-written cases hold with and without the trained recall layer (decision 0300): its flags
// must not land on the look-alikes the rules were taught to leave alone.
const withLearned = new ComplianceDetector({ learned: true });
const CASES = [
  ['zh', ZH_CASES],
  ['en', EN_CASES],
  ['more', MORE_CASES],
  ['recall', RECALL_CASES],
  ['recall-b', RECALL_B_CASES],
] as const;
describe.each(
  CASES.flatMap(([name, cases]) => [
    [`${name} cases`, cases, detector] as const,
    [`${name} cases, trained layer on`, cases, withLearned] as const,
  ]),
)('ComplianceDetector on %s', (_, cases, d) => {
  it.each(cases.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
    const lines = toLines(c);
    const flags = await d.detect(lines);
    for (const f of flags) {
      expect(FlagFindingSchema.parse(f)).toEqual(f);
      expect(lines[f.utterance]!.text.slice(f.span[0], f.span[1])).toBe(f.evidence);
      expect(f.speaker).toBe(lines[f.utterance]!.speaker);
    }
    if (c.expect === null) {
      expect(flags).toEqual([]);
    } else {
      const hit = flags.find((f) => f.utterance === lines.length - 1 && f.category === c.expect);
      expect(hit, JSON.stringify(flags)).toBeDefined();
      if (c.evidence !== undefined) expect(hit!.evidence).toBe(c.evidence);
    }
  });
});

describe('ComplianceDetector', () => {
  it('returns flags sorted by utterance and span, with rule refs, detector and layer verdicts', async () => {
    const lines = call(
      ['customer', '你好，东西坏了'],
      ['merchant', '好评返现五元，加我微信 abc8899'],
      ['merchant', 'If you return it, I will report you'],
    );
    const flags = await detector.detect(lines);
    expect(flags.map((f) => [f.utterance, f.category, f.rule])).toEqual([
      [1, 'review_manipulation', 'zh.review.incentive-frame@9'],
      [1, 'contact_exchange', 'zh.contact.invite-frame@22'],
      [2, 'refund_obstruction', 'en.refund.frame@12'],
    ]);
    // The invitation and its id are one violation: the evidence joins them.
    expect(flags[1]!.evidence).toBe('加我微信 abc8899');
    expect(flags[0]!.detector).toBe('rules+semantic:hashed-ngram-v1-512');
    expect(flags[0]!.verdicts.map((v) => v.layer)).toEqual(['rule', 'semantic']);
  });

  it('attributes abuse to whoever said it', async () => {
    const flags = await detector.detect(call(['customer', '你是不是有病'], ['merchant', '您别生气，我帮您处理']));
    expect(flags.map((f) => [f.speaker, f.category])).toEqual([['customer', 'abuse']]);
  });

  it('checks one new line against the earlier ones (live form) like the batch form does', async () => {
    const lines = call(['merchant', '加我一下'], ['merchant', 'abc8899'], ['customer', '好的']);
    const batch = await detector.detect(lines);
    const live = (await Promise.all(lines.map((_, i) => detector.detectUtterance(lines, i)))).flat();
    expect(live).toEqual(batch);
    // A Latin-only id is read by the English rules; the invitation on the line before is carried over.
    expect(live.map((f) => [f.utterance, f.rule])).toEqual([[1, 'en.contact.invite-frame@20']]);
    await expect(detector.detectUtterance(lines, 3)).rejects.toThrow(RangeError);
  });

  it('keeps vetoed candidates for audit, with the reason', async () => {
    const all = await detector.inspect(
      call(['customer', '加我微信吧'], ['merchant', '不要加微信哦'], ['merchant', '有人让你加微信聊都是骗子']),
    );
    expect(all.every((c) => !c.accepted)).toBe(true);
    // The buyer's line is vetoed for its speaker, the negated and the warned-of invitations for those marks.
    const rows = all.map((c) => JSON.stringify([c.utterance, c.droppedBy, c.verdicts[0]!.detail.veto]));
    expect([...new Set(rows)].map((r) => JSON.parse(r))).toEqual([
      [0, 'rule', 'speaker'],
      [1, 'rule', 'negation'],
      [2, 'rule', 'warning'],
    ]);
  });

  it('runs without the semantic layer when the embedder is null', async () => {
    const flags = await new ComplianceDetector({ embedder: null }).detect(call(['merchant', 'Just Venmo me the rest']));
    expect(flags[0]!.detector).toBe('rules');
    expect(flags[0]!.verdicts.map((v) => v.layer)).toEqual(['rule']);
  });

  it('drops flags under minConfidence but keeps them in inspect', async () => {
    const strict = new ComplianceDetector({ minConfidence: 0.95 });
    const lines = call(['merchant', 'Just Venmo me the rest']);
    expect(await strict.detect(lines)).toEqual([]);
    expect((await strict.inspect(lines))[0]!.droppedBy).toBe('threshold');
  });
});

describe('ComplianceDetector on ordinary lines', () => {
  const lines = [...BENIGN_ZH, ...BENIGN_EN];
  it.each(lines.flatMap((text) => (['merchant', 'customer'] as const).map((speaker) => [speaker, text] as const)))(
    'never flags %s: %s',
    async (speaker, text) => {
      expect(await detector.detect(call([speaker, text]))).toEqual([]);
    },
  );
});
