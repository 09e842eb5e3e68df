import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { call, flagsOnLast } from './testing/calls.js';
import { compileRuleFile } from './load-rules.js';

const detector = new ComplianceDetector();
const flagsOn = (...lines: [SpeakerRole, string][]) => flagsOnLast(detector, ...lines);

describe('compliance frames', () => {
  it('finds a request and a private datum in either order, with the exact span and the frame that matched', async () => {
    const text = '亲，验证码麻烦提供下哈';
    const [flag] = await flagsOn(['merchant', text]);
    expect(flag).toMatchObject({ category: 'privacy_request', rule: 'zh.privacy.request-frame@18' });
    expect(text.slice(...flag!.span)).toBe(flag!.evidence);
    expect(flag!.evidence).toBe('验证码麻烦提供');
    expect(flag!.verdicts[0]!.detail).toMatchObject({ frame: 0 });
    expect((await flagsOn(['merchant', 'Could I get the last four of the card?']))[0]!.evidence).toBe(
      'Could I get the last four',
    );
  });

  it('reads negation scope from the language layer, but not a negation inside the words it matched', async () => {
    expect(await flagsOn(['merchant', '验证码千万不要告诉任何人哦'])).toEqual([]);
    expect((await flagsOn(['merchant', '这口锅保证永不生锈']))[0]!.category).toBe('prohibited_claim');
  });

  it('takes a bare follow-up request with the datum named in the line before', async () => {
    const [flag] = await flagsOn(['merchant', '退款要核对一下您的银行卡号'], ['merchant', '发我一下哈']);
    expect(flag).toMatchObject({ category: 'privacy_request', evidence: '发我一下哈' });
    expect(await flagsOn(['merchant', '退款原路退回，不用提供卡号哦'], ['merchant', '发我一下哈'])).toEqual([]);
    expect(await flagsOn(['merchant', '退款原路退回'], ['merchant', '发我一下哈'])).toEqual([]);
  });

  it('carries a named card or code to a follow-up line that asks for "the number" or talks the buyer round', async () => {
    const [card] = await flagsOn(
      ['merchant', 'The refund goes back to your bank card.'],
      ['merchant', 'Could you type the long number here for me?'],
    );
    expect(card).toMatchObject({ category: 'privacy_request', rule: 'en.privacy.request-frame@16' });
    expect(
      await flagsOn(['merchant', 'The refund is on its way.'], ['merchant', 'Could you type the long number here?']),
    ).toEqual([]);
    // Talking the buyer round after a flagged request is the same attempt: one flag, on the request.
    const round = call(
      ['merchant', '您手机会收到一个验证码 报一下给小妹就行'],
      ['customer', '验证码不是不能告诉别人吗'],
      ['merchant', '亲我们是官方客服 没事的呢'],
    );
    expect((await detector.detect(round)).map((f) => [f.utterance, f.category])).toEqual([[0, 'privacy_request']]);
    const inspected = await detector.inspect(round);
    expect(inspected.find((c) => c.utterance === 2)?.verdicts[0]?.detail).toMatchObject({ veto: 'continues' });
    expect(await flagsOn(['merchant', '亲我们是官方客服 没事的呢'])).toEqual([]);
    // A new request on the follow-up line is still its own flag.
    const [again] = await flagsOn(
      ['merchant', 'For security, can you read me the code we just texted you?'],
      ['customer', 'It says never share this code with anyone.'],
      ['merchant', "That's just standard, go ahead and read it out."],
    );
    expect(again).toMatchObject({ category: 'privacy_request' });
  });

  it('tells a lawful limit from a refusal by the reason in the line', async () => {
    expect(await flagsOn(['merchant', 'More than 90 days have passed, so we cannot accept the return.'])).toEqual([]);
    expect((await flagsOn(['merchant', 'We cannot accept the return, deal with it.']))[0]!.category).toBe(
      'refund_obstruction',
    );
  });

  it('finds polite and indirect requests: a question, the datum before the verb, the ask a line after the pretext', async () => {
    for (const text of [
      'Can I have your PIN real quick?',
      'could I get the pin off the back of that gift card',
      '亲 验证码您那边提供下 小妹帮您改地址',
      'ok so what password are you using to log in',
    ])
      expect((await flagsOn(['merchant', text]))[0]?.category, text).toBe('privacy_request');
    const [insist] = await flagsOn(
      ['merchant', 'so what password do you normally use'],
      ['customer', 'uh my cat and some numbers'],
      ['merchant', 'right just tell me exactly what you type in'],
    );
    expect(insist).toMatchObject({ category: 'privacy_request' });
    expect(await flagsOn(['merchant', 'You can reset your password on the login page.'])).toEqual([]);
  });

  it('reads requests to remove a bad review and off-platform talk from word classes (the retired regex rules)', async () => {
    expect((await flagsOn(['merchant', '宝子 那条中评方便删一下不']))[0]?.category).toBe('review_manipulation');
    expect((await flagsOn(['merchant', '中评不撤的话 别怪我们不客气']))[0]?.category).toBe('review_manipulation');
    expect((await flagsOn(['merchant', '这边说话不方便 咱们私下聊']))[0]?.category).toBe('contact_exchange');
    expect((await flagsOn(['merchant', "I'll just send you $15 through Zelle for the trouble"]))[0]?.category).toBe(
      'off_platform_payment',
    );
    expect(await flagsOn(['merchant', '差评我们看到了 会改进的'])).toEqual([]);
    expect(await flagsOn(['merchant', '差评我们是删不了的哈 平台不允许'])).toEqual([]);
  });

  it('reads homophone and emoji names of a chat app, and an id in the next clause', async () => {
    expect((await flagsOn(['merchant', '亲 方便的话加下客服的薇❤ 发您实拍']))[0]?.category).toBe('contact_exchange');
    expect((await flagsOn(['merchant', '有问题加小妹✌️❤️ 回复快']))[0]?.category).toBe('contact_exchange');
    expect((await flagsOn(['merchant', '就是那个V信呀 id是tea_shop_66']))[0]?.category).toBe('contact_exchange');
    expect((await flagsOn(['merchant', 'Easier on WA, text me there']))[0]?.category).toBe('contact_exchange');
    expect(await flagsOn(['merchant', '亲 微信支付和支付宝都可以 在订单页选就行'])).toEqual([]);
  });

  it('hears a warning in naming the risk, and a denial only where a negation covers the right', async () => {
    expect(await flagsOn(['merchant', '私下转账我们不做的哈 没有平台保障 出了事您维权不了'])).toEqual([]);
    expect(await flagsOn(['merchant', '吊牌没剪的话 七天无理由都能退的哈'])).toEqual([]);
    const [denied] = await flagsOn(['merchant', '我们家不支持七天无理由 别问了']);
    expect(denied).toMatchObject({ category: 'refund_obstruction', rule: 'zh.refund.frame@15' });
  });

  it('flags insults addressed to the buyer and threats that name where they live, not profanity as emphasis', async () => {
    expect((await flagsOn(['merchant', '你住阳光花园3栋是吧 小心点']))[0]!.category).toBe('abuse');
    expect((await flagsOn(['merchant', '你是不是不识字']))[0]!.category).toBe('abuse');
    expect(await flagsOn(['merchant', '太tm好用了这款'])).toEqual([]);
    expect(await flagsOn(['merchant', 'This thing is so damn good'])).toEqual([]);
  });
});

describe('frame rule files', () => {
  const file = (frame: object) =>
    JSON.stringify({
      language: 'en',
      context: {
        negationAfter: [],
        reporting: [],
        negationWindow: 6,
        afterWindow: 10,
      },
      rules: [
        {
          id: 'en.privacy.test',
          version: 1,
          category: 'privacy_request',
          severity: 'high',
          speakers: ['merchant'],
          frames: [frame],
          confidence: 0.8,
          ground: 'No.',
        },
      ],
    });

  it('names the rule, frame and slot of a class no lexicon defines', () => {
    expect(() => compileRuleFile('en.json', file({ slots: ['request_verb', 'privat_datum'] }))).toThrow(
      'Rule file en.json: rule en.privacy.test: frames[0].slots[1]: no lexicon class "privat_datum"',
    );
    expect(() => compileRuleFile('en.json', file({ slots: ['mark:adressee'] }))).toThrow('no mark "adressee"');
  });

  it('rejects a malformed slot and a rule with neither patterns nor frames', () => {
    expect(() => compileRuleFile('en.json', file({ slots: ['mark:'] }))).toThrow(/frames\.0\.slots\.0/);
    const empty = JSON.parse(file({ slots: ['private_datum'] }));
    empty.rules[0].frames = [];
    expect(() => compileRuleFile('en.json', JSON.stringify(empty))).toThrow(/patterns or frames/);
  });
});
