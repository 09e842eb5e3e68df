import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { analyzeLine, classMatches } from '../language/index.js';
import { ComplianceDetector } from './detector.js';
import { flagsOnLast } from './testing/calls.js';

const detector = new ComplianceDetector();
const flagsOn = (...lines: [SpeakerRole, string][]) => flagsOnLast(detector, ...lines);
const abuse = async (text: string) => (await flagsOn(['merchant', text])).filter((f) => f.category === 'abuse');

describe('abuse is addressed to the other party', () => {
  it('flags a demeaning word in a clause that addresses the buyer, with its evidence and rule', async () => {
    const [flag] = await abuse('你这智商也就配用这个了');
    expect(flag).toMatchObject({ rule: 'zh.abuse.frame@12', evidence: '你这智商' });
    const [en] = await abuse("Honestly, you're the dumbest customer I've had all week.");
    expect(en!.rule).toBe('en.abuse.frame@12');
    expect(en!.evidence).toBe("you're the dumbest");
    expect(en!.verdicts[0]!.detail).toMatchObject({ frame: 0 });
  });

  it('flags a name hurled as a clause of its own, but not the same word inside a product name', async () => {
    expect(await abuse('废物 连个快递都收不好')).toHaveLength(1);
    expect(await abuse('Whatever, loser.')).toHaveLength(1);
    expect(await abuse('The Idiot’s Guide to Espresso is in stock.')).toEqual([]);
    expect(await abuse('傻瓜相机这款您用着很简单')).toEqual([]);
  });

  it('does not flag profanity used as emphasis, or insults about a third party or reported to the buyer', async () => {
    for (const text of [
      '太tm好用了 您放心',
      'This coffee grinder is damn good, you will love it.',
      '那个快递员就是个傻逼 我们已经投诉了',
      '上次那个客服骂您脑子有病 是他不对',
      'The previous agent called you stupid? That is unacceptable.',
      "Don't worry, you're not stupid, the manual is confusing.",
    ])
      expect(await abuse(text), text).toEqual([]);
  });

  it('treats naming where the buyer lives, with a menace, as a threat — also when the menace comes a line later', async () => {
    const [same] = await abuse('I see you’re at 14 Maple Court. Maybe think about that before posting reviews.');
    expect(same).toMatchObject({ rule: 'en.abuse.threat-frame@9', severity: 'high' });
    const [later] = await flagsOn(
      ['merchant', '你住在[地址x]三单元是吧'],
      ['customer', '你什么意思'],
      ['merchant', '没什么 出门小心点'],
    );
    expect(later).toMatchObject({ category: 'abuse', evidence: '出门小心', rule: 'zh.abuse.threat-frame@9' });
    // The same menace with no address named before is a courtesy.
    expect(await flagsOn(['merchant', '路上下雨 出门小心点'])).toEqual([]);
  });

  it('reads whose words an insult is: the speaker about themself, someone reported or hypothetical, another shop', async () => {
    for (const text of [
      '哎呀 都怪小妹太笨了 让您白跑一趟 真不好意思',
      '快递小哥骂您有病是他不对 小妹已经投诉他了',
      '要是有人跟您说 我知道你住哪 您直接报警就好',
      '别家客服真是有病 您放心我们不会这样的',
    ])
      expect(await flagsOn(['merchant', text]), text).toEqual([]);
    // Said to the buyer, the same words are abuse.
    expect((await abuse('你真是有病吧 都说了不退'))[0]?.category).toBe('abuse');
  });

  it('hears contempt without a swear word: belittling, price-shaming, praise said as scorn, a new kind of threat', async () => {
    for (const text of [
      '连开关都找不到 还好意思来投诉',
      '您可真是个大聪明 买之前不看尺码',
      '二十块的东西投诉三回 至于吗',
      '你那点钱我们还看不上',
      "You obviously didn't read a single word of the listing.",
      'Maybe shop somewhere you can afford next time.',
      "Keep leaving reviews like that and I'll show up at your work.",
      '你家孩子在三中读书吧 说话注意点',
    ])
      expect((await abuse(text))[0]?.category, text).toBe('abuse');
  });

  it('leaves the same words alone in service talk (look-alikes of those constructions)', async () => {
    for (const text of [
      '亲 这个功能很多人一开始都不会用 小妹发您教程哈',
      '亲 连周末我们都不会停发 您放心',
      '几十块的东西退回来运费不划算 小妹直接给您退款吧',
      '这么简单的事都没给您办好 是小妹的失职 真的抱歉',
      '亲 您真是个细心的人 这个问题都被您发现了',
      '小妹记住了 下次发货前先给您打电话',
      '嫌贵的话可以等双十一 到时候有满减',
      'Did you even get the confirmation email? If not I can resend it.',
      "It's not my problem to decide, but I'll pass it to the team who can.",
      'Congratulations, you have won the monthly raffle!',
    ])
      expect(await flagsOn(['merchant', text]), text).toEqual([]);
  });

  it('reads the price as contempt only beside a brush-off', async () => {
    expect((await abuse("If $300 is too much for you, maybe this just isn't the store for you."))[0]?.category).toBe(
      'abuse',
    );
    expect((await abuse('买不起就去拼多多吧'))[0]?.category).toBe('abuse');
    for (const text of [
      'If the price is a lot for you, we do have an installment plan.',
      "If you need a bigger screen, maybe this isn't the monitor for you, the 32-inch is better.",
      '您要是嫌贵 这款可能不适合您 可以看看基础款 便宜两百',
    ])
      expect(await flagsOn(['merchant', text]), text).toEqual([]);
  });

  it('reads a lexicon entry marked `alone` only when it is the whole clause', () => {
    const alone = (t: string) =>
      analyzeLine(t).clauses.flatMap((c) => classMatches(c, 'insult_vocative').map((m) => m.text));
    expect(alone('神经病 别再发消息了')).toEqual(['神经病']);
    expect(alone('这个神经病药物要遵医嘱')).toEqual([]);
  });
});
