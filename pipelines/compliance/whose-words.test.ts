/**
 * Decision 0305: whose words. A report of what someone else said (an insult, a refusal, a scam
 * request) is not the speaker's act; the speaker's own words that merely contain 说 / "tell" are.
 * Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, call, m } from './testing/calls.js';

const detector = new ComplianceDetector();
const one = async (line: [SpeakerRole, string]) => (await detector.detect(call(line))).map((f) => f.category);

describe('reported words are not the speaker’s', () => {
  it('does not flag an insult or contempt the buyer reports', async () => {
    expect(await one(c('你们店员跟我说 爱要不要 不要滚'))).toEqual([]);
    expect(await one(c('那个快递小哥当面骂我 死穷鬼 买个破锅还要送上楼'))).toEqual([]);
    expect(await one(c('我老公说你们就是一群骗子 我还不信'))).toEqual([]);
    expect(await one(c('你们售后回我一句 爱退不退 关我屁事'))).toEqual([]);
    expect(await one(c("你们客服说'不退就不退 你能怎样' 这是什么态度"))).toEqual([]);
    expect(await one(c('so your rep goes, "read the label, genius" and hangs up'))).toEqual([]);
    expect(await one(c('The guy on the phone literally called me a moron'))).toEqual([]);
  });

  it('does not flag a refusal or a request the merchant reports in order to disown it', async () => {
    expect(await one(m('之前那个客服说不给退 是他搞错了 我们给您退'))).toEqual([]);
    expect(await one(m('对方跟您说 把验证码发给他 是吧 那个不是我们'))).toEqual([]);
    expect(await one(m('之前的客服跟您说加他微信退款 这个是不对的 我们这边直接给您处理'))).toEqual([]);
  });

  it('reads the words said on the next line after "he told me" as his', async () => {
    const t = call(c('昨天你们那个客服跟我说'), c('爱买不买 不买就滚远点'));
    expect(await detector.detect(t)).toEqual([]);
  });

  it('still flags the speaker’s own words that contain 说 / tell', async () => {
    expect(await one(m('我说你是不是傻 讲了四遍了'))).toEqual(['abuse']);
    expect(await one(m('我跟你说 你就是个神经病'))).toEqual(['abuse']);
    expect(await one(c('我跟你讲 你们就是一群废物'))).toEqual(['abuse']);
    expect(await one(m("I'm telling you, you're a moron"))).toEqual(['abuse']);
    expect(await one(m('我说了 验证码报给我就行'))).toEqual(['privacy_request']);
    expect(await one(m('快递员说你不在家。你是聋子吗'))).toEqual(['abuse']);
    // 说好 is "agreed", not a report: the speaker's own demand follows.
    expect(await one(m('师傅说好了 加我微信 我给你约时间'))).toEqual(['contact_exchange']);
    expect(await one(m('你老公说定了的 验证码直接报给我'))).toEqual(['privacy_request']);
    // The shop's own side passing on an instruction is the shop speaking.
    expect(await one(m('我同事说了 直接转我支付宝更快'))).toEqual(['off_platform_payment']);
  });

  it('keeps a word in quotes a mention, not speech', async () => {
    expect(
      await detector.detect(
        call(m('Pay through Venmo and save the fee'), m("@tile_guy_88, just put 'tiles' in the memo")),
      ),
    ).toHaveLength(2);
  });
});
