import { describe, expect, it } from 'vitest';
import { CurrencySchema } from '../../core/domain.js';
import { lexiconClasses } from '../language/index.js';
import { ISSUE_KINDS } from './issue-cues.js';
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../../core/paths.js';
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
  const shipped = () => JSON.parse(readFileSync(fromPackageRoot(file), 'utf8'));
  const parse = (edit: (data: ReturnType<typeof shipped>) => void) => {
    const data = shipped();
    edit(data);
    return () => parseRefundAmounts(file, JSON.stringify(data));
  };

  it('loads with an id, a version and amounts for every currency', () => {
    const amounts = refundAmounts();
    expect(amounts).toMatchObject({ id: 'refund-amounts', couponShare: 0.05 });
    expect(amounts.version).toBeGreaterThan(0);
    expect(amounts.currencies.CNY).toEqual({ lowValue: 30, coupon: { min: 3, max: 20 } });
    expect(Object.keys(amounts.currencies).sort()).toEqual([...CurrencySchema.options].sort());
  });

  it('refuses bad data with an error naming the file and the field', () => {
    expect(() => parseRefundAmounts(file, '{ "id": ')).toThrow(`${file}: not JSON`);
    expect(
      parse((d) => {
        delete d.currencies.JPY;
      }),
    ).toThrow(`${file}: currencies.JPY: `);
    expect(
      parse((d) => {
        d.currencies.XYZ = d.currencies.USD;
      }),
    ).toThrow(`${file}: currencies: `);
    expect(
      parse((d) => {
        d.currencies.USD.coupon.min = 9;
      }),
    ).toThrow(`${file}: currencies.USD.coupon.min: min is above max`);
    expect(
      parse((d) => {
        d.currencies.EUR.lowValue = '5';
      }),
    ).toThrow(`${file}: currencies.EUR.lowValue: `);
    expect(
      parse((d) => {
        d.couponShare = 5;
      }),
    ).toThrow(`${file}: couponShare: `);
    expect(
      parse((d) => {
        d.id = 'refund';
      }),
    ).toThrow(`${file}: id: `);
  });
});
