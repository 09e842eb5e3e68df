import { describe, expect, it } from 'vitest';
import { CurrencySchema } from '../../core/domain.js';
import { lexiconClasses } from '../language/index.js';
import { refusesEachEdit } from '../../test/knowledge-file.js';
import { ISSUE_KINDS } from './issue-cues.js';
import { clarifyingQuestions, issueKinds, parseRefundAmounts, policyFamily, refundAmounts } from './knowledge.js';
import { loadPolicies } from './policy-store.js';

describe('suggest knowledge files', () => {
  it('describe every problem kind, with cue words in the lexicon and a policy family that exists in both languages', () => {
    expect(
      issueKinds()
        .kinds.map((k) => k.kind)
        .sort(),
    ).toEqual([...ISSUE_KINDS].sort());
    const ids = new Set(loadPolicies().map((p) => p.id));
    const classes = lexiconClasses();
    for (const kind of ISSUE_KINDS) {
      expect(classes, kind).toContain(`issue.${kind}`);
      for (const lang of ['zh', 'en'] as const)
        for (const id of policyFamily(kind, lang)) expect(ids.has(id), `${kind}: ${id}`).toBe(true);
    }
    expect(policyFamily('no_such_kind', 'zh')).toEqual([]);
  });

  it('have a clarifying question for each state, in both languages, never asking for contact details', () => {
    const states = clarifyingQuestions().questions.flatMap((q) => q.when);
    expect(new Set(states)).toEqual(new Set(['no_issue', 'issue_unmatched']));
    for (const q of clarifyingQuestions().questions) {
      expect(q.zh).toMatch(/\p{Script=Han}/u);
      expect(q.en).toMatch(/^[\x20-\x7e]+$/);
      expect(`${q.zh}${q.en}`).not.toMatch(/微信|电话|phone|whatsapp/i);
    }
  });
});

describe('refund-amounts.json', () => {
  const file = 'pipelines/suggest/knowledge/refund-amounts.json';

  it('loads with an id, a version and amounts for every currency', () => {
    const amounts = refundAmounts();
    expect(amounts).toMatchObject({ id: 'refund-amounts', couponShare: 0.05 });
    expect(amounts.version).toBeGreaterThan(0);
    expect(amounts.currencies.CNY).toEqual({ lowValue: 30, coupon: { min: 3, max: 20 } });
    expect(Object.keys(amounts.currencies).sort()).toEqual([...CurrencySchema.options].sort());
  });

  refusesEachEdit(file, parseRefundAmounts, {
    'currencies.JPY': (d) => {
      delete d.currencies.JPY;
    },
    currencies: (d) => {
      d.currencies.XYZ = d.currencies.USD;
    },
    'currencies.USD.coupon.min': (d) => {
      d.currencies.USD.coupon.min = 9;
    },
    'currencies.EUR.lowValue': (d) => {
      d.currencies.EUR.lowValue = '5';
    },
    couponShare: (d) => {
      d.couponShare = 5;
    },
    id: (d) => {
      d.id = 'refund';
    },
  });
});
