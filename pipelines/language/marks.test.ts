import { describe, expect, it } from 'vitest';
import { analyzeLine, clauseHas, hasMark, type MarkKind, markOf } from './index.js';

const kinds = (text: string, i = 0): MarkKind[] => [...new Set(analyzeLine(text).clauses[i]!.marks.map((m) => m.kind))];

describe('clause marks on the register agents really use', () => {
  it('亲这边帮您反馈给财务哈: self, addressee and a service verb after a commitment marker; no question', () => {
    const a = analyzeLine('亲这边帮您反馈给财务哈');
    const [c] = a.clauses;
    expect(a.clauses).toHaveLength(1);
    expect(kinds(a.text)).toEqual(expect.arrayContaining(['self', 'addressee']));
    expect(hasMark(c!, 'question')).toBe(false);
    expect(clauseHas(c!, 'service_verb')?.text).toBe('反馈');
    expect(clauseHas(c!, 'commitment_marker')?.text).toBe('帮您');
  });

  it('您看是退款还是换货呢 offers options', () => {
    const c = analyzeLine('您看是退款还是换货呢').clauses[0]!;
    expect(hasMark(c, 'offer')).toBe(true);
    expect(hasMark(c, 'addressee')).toBe(true);
  });

  it('本店支持七天无理由退货 is a policy statement, and 无理由 is not a negation', () => {
    const c = analyzeLine('本店支持七天无理由退货').clauses[0]!;
    expect(hasMark(c, 'policy')).toBe(true);
    expect(hasMark(c, 'negation')).toBe(false);
  });

  it('稍等正在帮您查询 is an in-call action', () => {
    expect(kinds('稍等正在帮您查询')).toContain('in_call');
    expect(kinds('Let me check that for you, one moment')).toContain('in_call');
  });

  it('如果没货就给您退款: a condition whose negation covers 货, not the refund', () => {
    const a = analyzeLine('如果没货就给您退款');
    const c = a.clauses[0]!;
    expect(hasMark(c, 'condition')).toBe(true);
    const neg = markOf(c, 'negation')!;
    expect(a.text.slice(...neg.scope!.span)).toBe('货');
  });

  it('已超出价保周期无法退差价: a negation scoping over 退差价', () => {
    const a = analyzeLine('已超出价保周期无法退差价');
    const neg = markOf(a.clauses[0]!, 'negation')!;
    expect(a.text.slice(...neg.span)).toBe('无法');
    expect(a.text.slice(...neg.scope!.span)).toBe('退差价');
  });

  it('words that contain a negator are not negations (不过, 没关系, 是不是)', () => {
    for (const t of ['没关系的亲', '质量不错', '是不是这个颜色']) expect(kinds(t)).not.toContain('negation');
  });

  it('questions: trailing ?, 吗, A-not-A, English inversion; a tag question is marked by its tag', () => {
    expect(kinds('您收到货了吗')).toContain('question');
    expect(kinds('能不能便宜点')).toContain('question');
    expect(kinds('could you read me the code we just texted you')).toContain('question');
    expect(kinds('正在查询呢')).not.toContain('question');
    const tag = analyzeLine('给您退款好吗').clauses[0]!;
    expect(tag.matches.some((m) => m.class === 'question_tag')).toBe(true);
  });

  it('reported speech and quotes', () => {
    expect(kinds('客户反馈说没收到')).toContain('reported');
    expect(kinds('他说“加我微信”')).toContain('reported');
    expect(kinds('she said they asked for her PIN')).toContain('reported');
  });

  it('self reference without 我, addressee, and requests', () => {
    expect(kinds('小妹这就去催')).toContain('self');
    expect(kinds('父亲节快乐')).not.toContain('addressee');
    expect(kinds('验证码报一下')).toContain('request');
    expect(kinds('您可以申请退款')).not.toContain('request');
    expect(kinds('Please reply with your order number')).toContain('request');
  });

  it('English private-data requests as polite questions carry both classes', () => {
    const c = analyzeLine('Could I get the last four of the card?').clauses[0]!;
    expect(clauseHas(c, 'request_verb')?.text).toBe('Could I get');
    expect(clauseHas(c, 'private_datum')?.text).toBe('last four');
    expect(hasMark(c, 'question')).toBe(true);
  });

  it('rejects a class nobody defined', () => {
    expect(() => clauseHas(analyzeLine('hi').clauses[0]!, 'no_such_class')).toThrow(
      /Unknown lexicon class "no_such_class"/,
    );
  });
});
