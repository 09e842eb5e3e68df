/**
 * Decision 0790: an asking word whose verb the shop itself does (小妹这边帮您核对一下, "I'm sending you a
 * code") fills no request slot; the same line asking the buyer for the datum is still a request. Every
 * phrasing is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLine } from '../language/index.js';
import { filledIn, parseSlot } from './frames.js';

const request = [parseSlot('private_datum'), parseSlot('request_verb|ask_value|need_verb|mark:request')];
const fills = (text: string) => filledIn(analyzeLine(text), request, 2);

describe('whose verb: the shop’s own act asks nothing', () => {
  it('reads no request where the shop does the verb', () => {
    expect(fills('我这边帮您核对一下银行卡号')).toBe(false);
    expect(fills('我这边发一下验证码到您手机')).toBe(false);
    expect(fills("I'll confirm your card number on our end")).toBe(false);
  });

  it('still reads the ask beside the shop’s act', () => {
    expect(fills('我这边帮您查一下 您把收到的验证码报给小妹')).toBe(true);
    expect(fills('请您提供验证码我帮您核对')).toBe(true);
    expect(fills("Drop the full card number here and I'll process it")).toBe(true);
    expect(fills('I just sent you a code, could you read the verification code back to me')).toBe(true);
  });
});
