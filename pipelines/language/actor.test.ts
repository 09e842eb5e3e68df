import { describe, expect, it } from 'vitest';
import { actorAsks, analyzeLine, speakersOwn } from './index.js';

const actors = (text: string) => analyzeLine(text).clauses.map((c) => c.actor.who);

describe('who does a clause’s verb (decision 0790)', () => {
  it('reads the shop’s own act, with or without a subject said', () => {
    expect(actors('您别急我这边帮您核对一下收款账户')).toEqual(['self']);
    expect(actors('帮您核对一下收款账户')).toEqual(['self']);
    expect(actors('我这边给您发个验证码')).toEqual(['self']);
    expect(actors('我加您一下')).toEqual(['self']);
    expect(actors('我帮您扫一下')).toEqual(['self']);
    expect(actors("I'm sending you a code")).toEqual(['self']);
  });

  it('reads an ask of the listener anywhere in the clause, the shop’s act beside it or not', () => {
    expect(actors('请您提供一下身份证号')).toEqual(['addressee']);
    expect(actors('can you send me the code')).toEqual(['addressee']);
    expect(actors('加我')).toEqual(['addressee']);
    expect(actors('请您提供验证码我帮您核对')).toEqual(['addressee']);
    expect(actors('我这边核对一下您支付宝的登录密码是多少')).toEqual(['addressee']);
    expect(actors("I'll finish the refund once you type the code here in the chat")).toEqual(['addressee']);
  });

  it('takes the last doer named when nothing is asked, and names someone else', () => {
    expect(actors('我帮您查一下您提供一下手机号')).toEqual(['addressee']);
    expect(actors('系统会给您手机发短信')).toEqual(['third']);
    expect(actors('好的')).toEqual(['unknown']);
  });

  it('reads a word said before the speaker names itself as not its act', () => {
    const [c] = analyzeLine("Drop the full card number here and I'll process it").clauses;
    expect(c!.actor.who).toBe('self');
    expect(speakersOwn(c!.actor, [0, 4])).toBe(false);
    expect(speakersOwn(c!.actor, [c!.nspan[1] - 2, c!.nspan[1]])).toBe(true);
    expect(actors('so what password are you using i can try logging in from my side')).toEqual(['addressee']);
  });

  it('keeps the cue that decided it', () => {
    const [c] = analyzeLine('小妹这边帮您核实一下').clauses;
    expect(c!.actor.entry).toMatch(/^actor\.self\./);
    expect(c!.actor.span).toBeDefined();
  });

  it('names the asking words the frames and the gate read from data', () => {
    expect(actorAsks().has('request_verb')).toBe(true);
    expect(actorAsks().has('mark:request')).toBe(true);
  });
});
