/**
 * Decision 0665: precision of round 1's threat frames on text nobody tuned against, and the line a
 * multi-line act gets. A home named on a line about the delivery, installation or visit is where
 * the service goes, even after a complaint; knowing where the buyer lives claimed after a complaint
 * stays a threat. A continuation of a private payment (a reason to skip the platform) gives its line
 * to the new act the line carries. Store credit or an exchange steered to after the same speaker
 * charged or delayed the refund is the same obstruction; contempt for the agent's worth is abuse; a
 * handle spoken with its underscore said as a word is an id. Every sentence is our own, in no
 * evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
type Line = [SpeakerRole, string];
const on = async (...lines: Line[]) => (await flagsOnLast(detector, ...lines)).map((f) => f.category);

describe('a home named for the service after a complaint', () => {
  it('is no threat when the line is about the delivery, installation or a visit', async () => {
    expect(
      await on(c('我要投诉 装了三次都没装好'), m('抱歉亲 这次换老师傅 去您家是枫林苑六栋吧 上门安装前先给您打电话')),
    ).toEqual([]);
    expect(await on(c('差评我已经写好了'), m('理解您 新的今天送到您家 您是望江小区三号楼对吧'))).toEqual([]);
    expect(
      await on(
        c('I opened a dispute with PayPal'),
        m('understood. the technician will be at the white house on Oak Road at ten'),
      ),
    ).toEqual([]);
  });

  it('stays a threat when it claims to know where the buyer lives, or beside a warning', async () => {
    expect(await on(c('我已经投诉到平台了'), m('投诉是吧 我们送货师傅 都认得你家门口'))).toContain('abuse');
    expect(await on(c('我要给差评'), m('给吧 你住枫林苑六栋对吧 你自己掂量'))).toContain('abuse');
    expect(
      await on(c("I'm filing a chargeback"), m("sure. you're over on Birch Street, right? keep that in mind")),
    ).toContain('abuse');
  });
});

describe('a continuation gives its line to the new act', () => {
  it("reads the buyer's datum asked for after a private payment as privacy, not a second payment", async () => {
    const got = await on(
      m('尾款扫这个码付给我就行'),
      c('为什么不在平台付'),
      m('平台抽成太高了 亲 您再把身份证号发我一下 我给您登记'),
    );
    expect(got).toContain('privacy_request');
    expect(got).not.toContain('off_platform_payment');
  });

  it('still flags the reason to skip the platform when the line opens nothing new', async () => {
    expect(await on(m('尾款扫这个码付给我就行'), c('为什么不在平台付'), m('平台抽成太高了 亲 我们小本生意'))).toContain(
      'off_platform_payment',
    );
  });
});

describe('the refund steered to credit or an exchange after it was charged or delayed', () => {
  it('flags store credit after a long wait or a fee by the same speaker', async () => {
    expect(
      await on(
        c('it stopped working, I want a refund'),
        m('refunds go out ninety days after we receive it'),
        m("or take store credit today, that's quicker"),
      ),
    ).toContain('refund_obstruction');
    expect(await on(m('退款的话要扣百分之十五手续费'), c('凭什么'), m('您不愿意的话 只能换货'))).toContain(
      'refund_obstruction',
    );
  });

  it('leaves credit or an exchange offered beside a lawful refund', async () => {
    expect(
      await on(
        c('it stopped working, I want a refund'),
        m('sure, the refund reaches your card in 3 to 5 days'),
        m('or you can take store credit today if you prefer'),
      ),
    ).not.toContain('refund_obstruction');
    expect(await on(m('质量问题不收手续费 给您全额退'), c('好的'), m('您要是想要新的 也可以换货'))).not.toContain(
      'refund_obstruction',
    );
  });
});

describe('contempt for the agent and handles said aloud', () => {
  it('flags the agent called worthless, not a feature said to be for show', async () => {
    expect(await on(m('亲 还在查'), c('你这客服就是个摆设吧'))).toContain('abuse');
    expect(await on(m('亲 还在查'), c('查了一上午 白拿工资啊'))).toContain('abuse');
    expect(await on(m('亲 这个是定时键'), c('这个按钮就是个摆设吧 根本按不动'))).not.toContain('abuse');
  });

  it('reads a handle with its underscore said as a word', async () => {
    expect(await on(m('你 IG 私信我哋啦 平啲'), m('搵 tea 底線 house 就係我哋'))).toContain('contact_exchange');
    expect(await on(m('搵 tea house 就係我哋'))).not.toContain('contact_exchange');
  });
});
