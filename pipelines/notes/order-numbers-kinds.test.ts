import { describe, expect, it } from 'vitest';
import { findOrderNumbers } from './order-numbers.js';
import { line, orderNumberValues as values } from './fixtures/order-lines.js';

// Phrasings written for these tests; none is taken from an eval set.
describe('numbers the words around them say are not orders', () => {
  it.each([
    // product codes: an ISBN named, or shaped as one (book prefix, valid check digit)
    ['这本书的ISBN是 9787111544937 对吧'],
    ['封底那串 9787544270878 就是这本'],
    ['the isbn on the back is 9791218044559'],
    // tickets, after-sales and return numbers, staff numbers
    ['售后单号 2023110845512 您记一下'],
    ['工单号是 8839201746 有进展会通知您'],
    ['your RMA number is 7730918842, write it on the box'],
    ['the ticket number is 6620194837 if you call again'],
    // a contact handle, named with slang the compliance lexicon knows (q号, 飞机号)
    ['有事加我q号 2718093465'],
    ['飞机号 二七幺八零九三四六五七 私聊'],
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('still reads an order id that merely starts like a book code (hard negative)', () => {
    expect(values('订单号9781234567890')).toEqual(['9781234567890']);
  });

  it('still reads an order id said after an order cue (hard negative)', () => {
    expect(values('订单号是 8839201746')).toEqual(['8839201746']);
    expect(values('order number is 7730918842')).toEqual(['7730918842']);
  });
});

describe('a contact handle offered on one line and given on the next', () => {
  it('reads the digits after 加绿泡泡 as a handle, not an order', () => {
    const notes = findOrderNumbers([
      line('以后找我直接加绿泡泡', 'merchant'),
      line('二七幺八 零九三 四六五七', 'merchant'),
    ]);
    expect(notes).toEqual([]);
  });
});

describe('who will call: a number after a promised call is a phone number', () => {
  it('reads an unlabelled number after "will give you a call" as a phone (en, speech)', () => {
    const notes = findOrderNumbers([
      line('the installer will give you a call before he heads over', 'merchant'),
      line('is that the one that ends in four four seven one', 'customer'),
      line('yes it is seven one eight two two four nine nine four four seven one', 'merchant'),
    ]);
    expect(notes).toEqual([]);
  });

  it('reads a number after 打给您 as a phone (zh)', () => {
    const notes = findOrderNumbers([
      line('师傅出发前会先打给您', 'merchant'),
      line('零七五五 二六六八 幺九三四 是这个吗'),
    ]);
    expect(notes).toEqual([]);
  });

  it('reads the number confirmed by its tail as a phone, not an order (en)', () => {
    const notes = findOrderNumbers([
      line('is it still the number ending nine one four', 'merchant'),
      line('yes six oh two three three eight nine nine one four', 'customer'),
    ]);
    expect(notes).toEqual([]);
  });

  it('still reads the order number the agent asked for (hard negative)', () => {
    const notes = findOrderNumbers([line('could you read me the order number', 'merchant'), line('4471 2059 38')]);
    expect(notes.map((n) => n.value)).toEqual(['4471205938']);
  });
});

describe('a cue followed by its own number labels that number', () => {
  it('reads the id before "税号…" as the order asked for', () => {
    const notes = findOrderNumbers([
      line('麻烦把订单号和税号都发我一下', 'merchant'),
      line('7720194836551 深圳某某贸易有限公司 税号92440300MA5K'),
    ]);
    expect(notes.map((n) => n.value)).toEqual(['7720194836551']);
  });
});

describe('an id read back digit by digit, then its price', () => {
  it('ends the id where a positional numeral begins', () => {
    expect(values('七七二零幺九四八三六五五幺两千八百块的那台对吧')).toEqual(['7720194836551']);
  });
});

// Decision 0680: phrasings written for these tests; none is taken from an eval set.
describe('numbers beside an order that are no order (0680)', () => {
  it('a house number before a street name', () => {
    expect(values('what is the address for order 5581920034?', '88 Kingsley Road, flat 2')).toEqual(['5581920034']);
    expect(values('the delivery address on the order: 2210 Pine Hollow Dr')).toEqual([]);
  });

  it('a number after a bank name is an account', () => {
    expect(values('transfer to OCBC 6120 3391 8802 can already')).toEqual([]);
  });

  it('an id takes no digit of a word in another script after a space (一共)', () => {
    expect(values('订单 6630218845 一共三百')).toEqual(['6630218845']);
  });
});

describe('what a line asks for (0680)', () => {
  it('a cue named as where something goes asks for no number', () => {
    expect(values('好的 小妹明天把红包发到您账户里', '8830217746512 别忘了')).toEqual(['8830217746512']);
    expect(values('ok the credit goes back to your account tonight', '7730219944 thanks')).toEqual(['7730219944']);
  });

  it('an unpunctuated question with the speaker in it still asks (hard negative)', () => {
    expect(
      values(
        "ugh i'm really sorry about that do you have the order number",
        'yeah six two oh four one eight eight three',
      ),
    ).toEqual(['62041883']);
  });

  it('a request for the account still carries (hard negative)', () => {
    expect(values('麻烦把您的银行账户发一下', '6222021001122334455')).toEqual([]);
  });

  it('这个单 after a number names it an order', () => {
    expect(values('快递到了没 我看下物流信息再给您发', '好 7731902255816 这个单')).toEqual(['7731902255816']);
  });
});

describe('an order id before a sentence that names no street (0680, hard negative)', () => {
  it('is still an order', () => {
    expect(values('Your order 55120934 is on its way now')).toEqual(['55120934']);
    expect(values('order 66019342 on the road since monday')).toEqual(['66019342']);
  });
});

// Decision 0780: phrasings written for these tests; none is taken from an eval set.
describe('order questions and cues in run-on speech (0780)', () => {
  it('a question opened after other words still asks for the number', () => {
    expect(values("alright thanks what's the order number", 'five five one eight two zero four')).toEqual(['5518204']);
    expect(values('okay so what is your order number', 'six six two zero one nine')).toEqual(['662019']);
  });

  it('a phone asked the same way stays a phone (hard negative)', () => {
    expect(values("got it what's the best number", 'four one five two two eight nine three three one')).toEqual([]);
  });

  it('words that only link a cue to its number keep the short id', () => {
    expect(values('Thanks! The order number for your records is 4419027.')).toEqual(['4419027']);
  });

  it('a short number far from its cue is still no order (hard negative)', () => {
    expect(values('the order number is on the receipt and the total came to 4419027 points')).toEqual([]);
  });

  it('张单 (Cantonese: my order) names an order before a carrier', () => {
    expect(values('我張單6630917284 順豐話今日送')).toEqual(['6630917284']);
  });
});

// Decision 0825: phrasings written for these tests; none is taken from an eval set.
describe('a request with no pronoun asks for the number (0825)', () => {
  it('can give me / pls send me the order number', () => {
    expect(values('ok sorry can give me the order number', 'ok four four one zero two nine eight three')).toEqual([
      '44102983',
    ]);
    expect(values('pls send me your order number', 'seven one two two zero six nine')).toEqual(['7122069']);
  });

  it('a phone asked the same way stays a phone (hard negative)', () => {
    expect(values('can give me your phone number', 'nine one two three four five six seven')).toEqual([]);
  });
});
