import { describe, expect, it } from 'vitest';
import { analyzeLine, clauseHas, hasMark, hypotheticalClauses, type MarkKind, markOf, negationOver } from './index.js';

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

  it('别 inside a verb (识别, 鉴别) is no negation, and a pause between Chinese words ends a negation', () => {
    expect(kinds('您长按识别一下图里的尺码表')).not.toContain('negation');
    expect(kinds('这个要鉴别一下真假')).not.toContain('negation');
    const a = analyzeLine('平台上不好备注 加个v吧');
    const neg = markOf(a.clauses[0]!, 'negation')!;
    expect(a.text.slice(...neg.scope!.span)).toBe('好备注');
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

  it('"don\'t click it or enter your password": a negation reaches a second verb after "or", not a new clause (decision 0730)', () => {
    const a = analyzeLine("please don't click it or enter your password anywhere else");
    const neg = markOf(a.clauses[0]!, 'negation')!;
    expect(a.text.slice(...neg.scope!.span)).toContain('enter your password');
    const b = analyzeLine("if it doesn't work or it fails again send me the code");
    const nb = markOf(b.clauses[0]!, 'negation')!;
    expect(b.text.slice(...nb.scope!.span)).not.toContain('code');
  });

  it('words that contain a negator are not negations (不过, 没关系, 是不是)', () => {
    for (const t of ['没关系的亲', '质量不错', '是不是这个颜色', '信不信我去你店里'])
      expect(kinds(t)).not.toContain('negation');
    expect(kinds('信不信我去你店里')).toContain('question');
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
    // Other engines extend the class ("last four of the card"): the match starts at the datum either way.
    expect(clauseHas(c, 'private_datum')?.text).toMatch(/^last four/);
    expect(hasMark(c, 'question')).toBe(true);
  });

  it('rejects a class nobody defined', () => {
    expect(() => clauseHas(analyzeLine('hi').clauses[0]!, 'no_such_class')).toThrow(
      /Unknown lexicon class "no_such_class"/,
    );
  });
});

describe('questions engines ask', () => {
  it('negationOver: a span in a negation scope, not one after a scope boundary or a time phrase', () => {
    const a = analyzeLine('东西没坏，就是不喜欢');
    expect(negationOver(a, [3, 4])).toBeDefined();
    const b = analyzeLine('没想到这么快就坏了');
    expect(negationOver(b, [7, 9])).toBeUndefined();
    const c = analyzeLine('如果没货就给您退款');
    expect(negationOver(c, [7, 9])).toBeUndefined();
  });

  it('hypotheticalClauses: a condition in the clause, or a question a condition opens', () => {
    const a = analyzeLine('If it arrives broken, can I send it back?');
    expect([...hypotheticalClauses(a)]).toEqual([0, 1]);
    const b = analyzeLine('It arrived broken. If you can, send a new one.');
    expect([...hypotheticalClauses(b)]).toEqual([1]);
    const c = analyzeLine('万一路上摔坏了怎么办？东西我收到了');
    expect([...hypotheticalClauses(c)]).toEqual([0]);
  });
});
