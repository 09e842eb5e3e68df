import { describe, expect, it } from 'vitest';
import type { FlagFinding, PromiseNote, RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { ScriptedLlm } from '../llm/testing/scripted-llm.js';
import { buildSummarizer } from './build.js';
import { summarizeCall } from './offline-summary.js';
import type { SummaryInput } from './summarizer.js';

const lines: TranscriptLine[] = [
  { speaker: 'customer', text: '订单240611587736219的芒果，十个里面有三个烂了', startMs: 0, endMs: 3000 },
  {
    speaker: 'merchant',
    text: '非常抱歉，今天给您按比例退款11.97元，加我微信 abc8899 发照片',
    startMs: 3500,
    endMs: 7000,
  },
];
const option: RefundOption = {
  kind: 'partial_refund',
  amount: 11.97,
  currency: 'CNY',
  policy: 'zh.fresh.bad-fruit',
  recommended: true,
  rationale: '…',
  orderId: '240611587736219',
};
const promise: PromiseNote = {
  speaker: 'merchant',
  action: 'refund',
  deadline: '2026-06-12',
  conditional: false,
  utterance: 1,
  text: '今天给您按比例退款',
};
const flag: FlagFinding = {
  category: 'contact_exchange',
  severity: 'high',
  utterance: 1,
  speaker: 'merchant',
  evidence: '加我微信 abc8899',
  span: [24, 36],
  rule: 'zh.contact.wechat@1',
  detector: 'rules',
  confidence: 0.93,
  verdicts: [],
};
const input: SummaryInput = {
  language: 'zh',
  lines,
  promises: [promise],
  flags: [flag],
  refundOptions: [option],
  orderNumbers: [{ value: '240611587736219', utterance: 0, span: [2, 17], matched: true }],
};

describe('summarizeCall (offline template)', () => {
  it('says an amount not known yet is to be confirmed, never ¥0', () => {
    const unknown = { ...option, amount: 0, amountToBeConfirmed: true };
    const zh = summarizeCall({ ...input, refundOptions: [unknown] });
    expect(zh).toContain('建议方案为按比例部分退款 （金额待核实）（依据 zh.fresh.bad-fruit）');
    const en = summarizeCall({ ...input, language: 'en', refundOptions: [unknown] });
    expect(en).toContain('of an amount to be confirmed');
    expect(`${zh}${en}`).not.toMatch(/[¥$]0/);
  });

  it('says goods sent again are worth their amount, not paid it, and leaves an unknown worth out', () => {
    const reship = { ...option, kind: 'reship' as const, amount: 89, policy: 'zh.wrong-item' };
    expect(summarizeCall({ ...input, refundOptions: [reship] })).toContain(
      '建议方案为补发，货值 ¥89（依据 zh.wrong-item）',
    );
    expect(summarizeCall({ ...input, language: 'en', refundOptions: [reship] })).toContain(
      'recommended reship, goods worth ¥89 (per zh.wrong-item)',
    );
    const unknown = { ...reship, amount: 0, amountToBeConfirmed: true };
    expect(summarizeCall({ ...input, refundOptions: [unknown] })).toContain('建议方案为补发（依据 zh.wrong-item）');
  });

  it('states issue, resolution with amount and policy, open promises and flags, in Chinese', () => {
    expect(summarizeCall(input)).toBe(
      '问题：坏果/变质（10件中3件），订单 240611587736219。处理：建议方案为按比例部分退款 ¥11.97（依据 zh.fresh.bad-fruit）。' +
        '待办承诺：商家退款（2026-06-12前）。合规：索要站外联系方式（高）。',
    );
  });

  it('writes English for English calls and says "none" where there is nothing', () => {
    const en = summarizeCall({
      language: 'en',
      lines: [{ speaker: 'customer', text: 'The installer never came', startMs: 0, endMs: 1 }],
      promises: [{ ...promise, action: 'visit', deadline: null, conditional: true }],
      flags: [],
      refundOptions: [],
    });
    expect(en).toBe(
      'Issue: installation / on-site service. Resolution: no refund option applied. ' +
        'Open promises: merchant to visit on site (no deadline, conditional). Flags: none.',
    );
  });

  it('never copies transcript text (contact details) into the summary', () => {
    expect(summarizeCall(input)).not.toContain('abc8899');
  });
});

describe('buildSummarizer', () => {
  it('is the template without an LLM', async () => {
    const s = buildSummarizer(null);
    expect(s.name).toBe('offline-template');
    await expect(s.summarize(input)).resolves.toBe(summarizeCall(input));
  });

  it('uses the LLM with the template as draft, and falls back to the template when it fails', async () => {
    const llm = new ScriptedLlm([
      { summary: '顾客反馈芒果坏果，商家承诺今天按比例退款¥11.97；商家有交换联系方式的违规提示。' },
    ]);
    const s = buildSummarizer(llm);
    expect(await s.summarize(input)).toMatch(/^顾客反馈芒果坏果/);
    expect(llm.received[0]!.user).toContain(summarizeCall(input));
    expect(llm.received[0]!.user).toContain('"category":"contact_exchange"');

    const reasons: string[] = [];
    const failing = buildSummarizer(
      new ScriptedLlm([new KefuError('LLM_FAILED', 'down', { retryable: true }), { bad: 1 }]),
      (r) => reasons.push(r),
    );
    await expect(failing.summarize(input)).resolves.toBe(summarizeCall(input));
    expect(reasons).toHaveLength(1);

    const leaky = buildSummarizer(new ScriptedLlm([{ summary: '请顾客拨打 138 1234 5678' }]));
    await expect(leaky.summarize(input)).resolves.toBe(summarizeCall(input));
  });
});

describe('summary issue when a defect and a change of mind are both heard', () => {
  const t = (speaker: TranscriptLine['speaker'], text: string): TranscriptLine => ({
    speaker,
    text,
    startMs: 0,
    endMs: 1,
  });
  const base = { promises: [], flags: [], refundOptions: [] };

  it('names the defect, not "changed their mind"', () => {
    const en = summarizeCall({
      ...base,
      language: 'en',
      lines: [
        t('customer', 'Calling about the hair dryer I bought.'),
        t('merchant', 'It started smoking after five days, right?'),
        t('customer', 'Yes. I want my money back.'),
        t('merchant', 'You can send it back for a refund.'),
      ],
    });
    expect(en).toContain('Issue: damaged or faulty item');
    const zh = summarizeCall({
      ...base,
      language: 'zh',
      lines: [t('customer', '台灯底座有裂纹'), t('merchant', '抱歉'), t('customer', '我不想要了')],
    });
    expect(zh).toContain('问题：商品损坏或故障');
  });

  it('still says changed their mind when nothing was wrong', () => {
    const en = summarizeCall({
      ...base,
      language: 'en',
      lines: [t('customer', 'It works fine, I just changed my mind.')],
    });
    expect(en).toContain('changed their mind');
  });
});

describe('summary label for a customised item made wrong', () => {
  it('says the item was made wrong, not only sent wrong', () => {
    const lines: TranscriptLine[] = [{ speaker: 'customer', text: '定制的T恤上印错了名字', startMs: 0, endMs: 1 }];
    expect(summarizeCall({ language: 'zh', lines, promises: [], flags: [], refundOptions: [] })).toContain(
      '问题：发错货或做错（定制）',
    );
  });
});
