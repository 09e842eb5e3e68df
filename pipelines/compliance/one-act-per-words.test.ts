/**
 * Decision 0440: words read as one act are not flagged as a second. A bare datum answers the
 * other party's question for a contact; 打过去 on a line asking for a phone number is a call; the
 * trained layer adds no flag on words a rule already reads. Every phrasing is our own.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { defaultLineClassifier, LineClassifier } from '../learn/model.js';
import { ComplianceDetector } from './detector.js';
import { c, call, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);

describe('a datum answering a question for a contact is the contact', () => {
  it('reads a bare number or id after "your QQ?" as a contact, not where to pay, after a private payment', async () => {
    expect(await flags(m('量大的话走支付宝转我 再便宜二十'), c('行 那你QQ多少'), m('三八六二二九零一七'))).toEqual([
      [0, 'off_platform_payment'],
      [2, 'contact_exchange'],
    ]);
    expect(await flags(m('不走平台的话 直接转我 算您便宜点'), c('那我怎么加你'), m('搜 lily_shop99 就行'))).toEqual([
      [0, 'off_platform_payment'],
      [2, 'contact_exchange'],
    ]);
  });

  it('keeps the datum as payment when the question asks where to pay', async () => {
    expect(await flags(m('量大的话走支付宝转我 再便宜二十'), c('行 支付宝账号多少'), m('三八六二二九零一七'))).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
  });
});

describe('打过去 beside a phone number asked for is a call', () => {
  it('flags the contact only when the line names no money, account or refund', async () => {
    expect(await flags(m('您留个手机号 我们店长直接给您打过去'))).toEqual([[0, 'contact_exchange']]);
  });

  it('keeps the payout when money is named beside it', async () => {
    const both = async (text: string) => (await flags(m(text))).map(([, k]) => k).sort();
    expect(await both('您留个手机号 退款我们财务直接给您打过去')).toEqual(['contact_exchange', 'off_platform_payment']);
    expect(await both('您留个手机号 差价我们直接给您打过去 走支付宝')).toEqual([
      'contact_exchange',
      'off_platform_payment',
    ]);
  });
});

describe('the trained layer adds no flag on words a rule already reads', () => {
  // A model that would propose a payment on any line its gate opens.
  const { model } = defaultLineClassifier();
  const eager = new LineClassifier({
    ...model,
    categories: {
      ...model.categories,
      off_platform_payment: { ...model.categories.off_platform_payment!, threshold: 0.001 },
    },
  });
  const learned = new ComplianceDetector({ learned: eager });
  const categories = async (text: string) => (await learned.detect(call(m(text)))).map((f) => f.category).sort();

  it('reads the card number asked for as the privacy request only', async () => {
    expect(await categories('亲 您的银行卡号发小妹一下 我们核对')).toEqual(['privacy_request']);
  });

  it('still adds its flag where no rule reads the words', async () => {
    expect(await categories('您支付宝账号多少？我直接打给您')).toContain('off_platform_payment');
  });
});
