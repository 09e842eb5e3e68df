/**
 * Decision 0875: mechanisms read from development set S's promise failures. Phrasings written for
 * these tests (none is in an eval set), each beside a look-alike. Tuesday 2026-11-24 in Shanghai.
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('the party checked with may stand before a contact or chase verb', () => {
  check([
    ['小妹这边跟仓库那边联系一下', ['follow_up']],
    ['我们跟快递催一下 明天给您回复', ['callback 2026-11-25', 'follow_up 2026-11-25']],
    ['我打电话给师傅问一下 半小时内回复您', ['callback 2026-11-24', 'follow_up 2026-11-24']],
    ["I'll follow up with the carrier on this", ['follow_up']],
    // The buyer told to get in touch, or asked to contact the shop: no promise.
    ['您可以跟快递员联系一下', []],
    ['有问题随时跟我们联系哈', []],
    ["I'll follow up with you tomorrow", ['callback 2026-11-25']],
  ]);
});

describe('the time of a visit, as what a contact is about, is a callback and not the visit', () => {
  check([
    ['网点明天会打电话跟您约上门时间', ['callback 2026-11-25']],
    ['今天下班前给您回复具体上门时间', ['callback 2026-11-24']],
    ['让师傅先给您来个电话', ['callback']],
    // The visit's time said as a fact: the visit.
    ['上门时间是明天上午 师傅来之前会先给您打电话', ['visit 2026-11-25', 'callback']],
  ]);
});

describe('money said paid owes its payout, a credit as a refund does', () => {
  check([
    ["I've issued a $15 store credit, you'll see it within 2 business days.", ['compensate 2026-11-26']],
    ["I've put the refund through, it should land in 3 business days.", ['refund 2026-11-27']],
    // Paid with no payout said: done in the call.
    ["I've added a $5 credit to your account.", []],
  ]);
});

describe('a shipment keeps its own day when its arrival follows unpunctuated', () => {
  check([
    ['ok ill post the new one out today you should have it by friday', ['ship 2026-11-24']],
    ['I will send the 2nd volume today', ['ship 2026-11-24']],
    ["we'll ship it on the 4th", ['ship 2026-12-04']],
  ]);
});

describe('the buyer rebooked into a slot is the visit', () => {
  check([
    ["I've rebooked you for Thursday morning", ['visit 2026-11-26']],
    // A slot offered as a question, or a call booked: no visit.
    ['so i book you for thursday morning can', []],
    ["I've booked you in for a callback tomorrow", []],
  ]);
});

describe('a charge the buyer paid elsewhere, paid back, is compensation', () => {
  check([
    ["Sure. Pay the courier so it isn't held, then email us the receipt and we'll reimburse you.", ['compensate if']],
    ["We'll reimburse the repair shop's fee this week", ['compensate 2026-11-29']],
    // Said as what the shop cannot do: no promise.
    ["Taxi fares aren't something we can reimburse, sorry.", []],
  ]);
});
