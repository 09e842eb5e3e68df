import { describe, expect, it } from 'vitest';
import { analyzeLine } from './analyze.js';
import { chatReadings, compileChatSpellings } from './chat-spellings.js';
import { buildView, toOriginalSpan } from './views.js';

const norm = (t: string) => analyzeLine(t, { cache: false }).norm;

describe('chat spellings', () => {
  it('reads chat spellings as words in the normalised text and the spaced view', () => {
    expect(norm('can u send me ur password')).toBe('can you send me your password');
    expect(norm('pls gimme ur card number')).toBe('please give me your card number');
    expect(norm('ill send it 2moro')).toBe("I'll send it tomorrow");
    expect(norm('y is my order late? u r useless')).toBe('why is my order late? you are useless');
    expect(norm('Im waiting, thx')).toBe("I'm waiting, thanks");
    expect(buildView('dont share ur pwd', 'spaced').text).toBe("don't share your password");
  });

  it('keeps the original span of every reading, so evidence quotes what was written', () => {
    const text = 'can u send ur acct pw';
    const a = analyzeLine(text, { cache: false });
    const s = a.norm.indexOf('your account');
    expect(text.slice(...a.toOriginal(s, s + 'your account'.length))).toBe('ur acct');
    const view = buildView(text, 'spaced');
    const v = view.text.indexOf('password');
    expect(text.slice(...toOriginalSpan(text, view, v, v + 'password'.length))).toBe('pw');
    expect(a.tokens.map((t) => text.slice(...t.span))).toContain('acct');
  });

  it('reads a masked or digit-spelled swear word as written out, and leaves other asterisks alone', () => {
    expect(norm("you're a f***ing joke")).toBe("you're a fucking joke");
    expect(norm('st*pid box, what a 1diot design')).toBe('stupid box, what a idiot design');
    expect(norm('wat an idiot smh')).toBe('what an idiot smh');
    expect(norm('price* see note *terms apply')).toBe('price* see note *terms apply');
    expect(norm('the 5*3 grid')).toBe('the 5*3 grid');
  });

  it('leaves look-alikes alone', () => {
    for (const t of [
      'the U.S. office',
      'Ur called yesterday about the parcel',
      'y = 2',
      'see reddit.com/u/kefu for the thread',
      'message @ur_shop or u-turn',
      'I feel ill today',
      'she got ill after the trip',
      'ill health',
      'size b4 paper',
      'we offer 2day shipping',
      'row r seat 4',
      'r is a letter',
      'the y axis',
      'as is his wont',
      'vancouver bc',
    ])
      expect(norm(t), t).toBe(t);
  });

  it('reads only in lines without Chinese (pinyin and mixed lines stay as written)', () => {
    expect(chatReadings('亲 u 好 pls')).toEqual([]);
    expect(norm('nmsl u')).toBe('nmsl you');
  });

  it('reads ill and r only where the grammar allows', () => {
    expect(norm('ok, ill check it')).toBe("ok, I'll check it");
    expect(norm('and ill refund u')).toBe("and I'll refund you");
    expect(norm('i am ill send help')).toBe('i am ill send help');
    expect(norm('r u there')).toBe('are you there');
    expect(norm('we r sorry')).toBe('we are sorry');
    expect(norm('ur welcome')).toBe("you're welcome");
  });

  it('rejects a condition naming no word set', () => {
    const file = JSON.stringify({
      id: 'x',
      version: 1,
      boundaries: { open: '', close: '', sentenceEnd: '.' },
      sets: {},
      entries: [{ id: 'a', written: ['u'], reads: 'you', before: ['nope'] }],
    });
    expect(() => compileChatSpellings('x.json', file)).toThrow(/no word set/);
  });
});
