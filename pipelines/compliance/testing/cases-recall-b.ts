import type { Case } from './cases.js';

const m = 'merchant' as const;
const c = 'customer' as const;

/**
 * Fixes after the second blind analyze eval (eval/analyze-b): ids that are really English words
 * joined across spaces, English absolute and cure claims in other words, veiled threats, paying
 * the buyer to withdraw a refund, handles on Instagram-like apps, code-switched review removal,
 * payment accounts asked for in answer to the buyer, and texted codes read out as "digits".
 * Worded differently from the eval; each fix comes with hard negatives that share its keywords.
 */
export const RECALL_B_CASES: Case[] = [
  // contact_exchange id follow-up: an id is one token, not English words the squeezed view joined
  { lines: [[m, '有事你加我一下'], [m, '搜 shop_amy7 就能找到']], expect: 'contact_exchange', evidence: 'shop_amy7' },
  { lines: [[m, '回头你加我一下'], [m, 'OK 我再 give you a 20 percent discount on 下一单']], expect: null },
  { lines: [[m, '你加我一下'], [m, '算了，we can ship it in 3 days 走平台']], expect: null },
  { lines: [[m, '那你加我一下收藏'], [m, 'Give me 2 days 我查一下库存']], expect: null },
  // semantic layer: on a long line, the clause holding the evidence is judged on its own before rejecting
  { lines: [[m, 'Okay, I checked the tracking and the parcel left the warehouse this morning, and honestly this ointment heals psoriasis in a week, so keep using it']], expect: 'prohibited_claim', evidence: 'heals psoriasis' },
  { lines: [[m, '好的亲，物流显示今天上午已经出库了，明天应该能到，另外你加我微信 mia_kefu2 吧，有问题直接找我']], expect: 'contact_exchange' },
  { lines: [[m, 'The courier will call the number on your order before ten, and please never share your verification code with anyone who messages you']], expect: null },
];
