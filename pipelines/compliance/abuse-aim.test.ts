/**
 * Abuse lexicon v6 and the insult frames' target (decision 0345): the register of chat and forums
 * (pinyin curses typed without a Han character, u / ur, cursed names, 玩意儿 compounds, curses on
 * the family, denying the other party is human), and whom an insult is aimed at when the speaker
 * or a third party is named too. Every sentence is our own, in no evaluation set; each family has
 * look-alikes sharing its words that must stay unflagged.
 */
import { describe, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';

const detector = new ComplianceDetector();

const { expectAbuse, expectClean } = abuseExpectations(detector);

describe('the register of chat: abbreviations, chat spellings, cursed names', () => {
  it('flags pinyin curses with or without Han characters around them', async () => {
    await expectAbuse('merchant', ['nmsl', 'mlgb 你还退不退了', 'cnm']);
    await expectAbuse('customer', ['wcnm 三天了还不发']);
  });

  it('leaves English words that contain those letters alone', async () => {
    await expectClean('customer', ['The SNMP card and the CNMC cable both arrived, thanks']);
  });

  it('hears u / ur and cursed names', async () => {
    await expectAbuse('customer', ['are u dumb or what', 'ur so stupid it hurts', 'go away you fkn moron']);
    await expectAbuse('merchant', ['stupid cow, the size chart is right there']);
  });

  it('keeps profanity as emphasis and an insult aimed at a thing unflagged', async () => {
    await expectClean('customer', [
      'this blender is fucking amazing',
      'your website is a piece of garbage, it logged me out twice',
      'u guys shipped it so fast, stupid good price too',
    ]);
  });

  it('hears a person called a thing or an animal, a curse on the family, and denying they are human', async () => {
    await expectAbuse('merchant', ['智障玩意儿 说了多少遍了', '傻狗', '你们还是人吗', '不得好死的东西']);
    await expectAbuse('customer', ['你妈没教你做人吗', '给爷爬']);
  });

  it('leaves their look-alikes in service talk alone', async () => {
    await expectClean('merchant', [
      '亲 您是人工客服转过来的吗',
      '狗粮和猫砂是两个包裹发的哦',
      '亲 这款玩具叫疯狗 是我们家的爆款',
      '周末我们去爬山 周一回来给您处理',
    ]);
  });
});

describe('whom an insult is aimed at', () => {
  it('the listener named between the speaker and the insult', async () => {
    await expectAbuse('customer', ['我看你就是个傻逼', 'honestly I think you are a clown']);
  });

  it('the speaker or a third party as the one insulted stays unflagged', async () => {
    await expectClean('customer', [
      '我真是个傻子 你们别笑我',
      '快递员把你的包裹弄丢了真是个废物',
      'the driver left your parcel in the rain, what an idiot he is',
    ]);
  });
});
