/**
 * English addressed abuse as classes (decision 0475): insult nouns said to "you", verbless
 * "you <dull> or …?" questions, masked spellings, blame on the buyer's household, and a condition
 * said as an imperative joined to a harm. Every sentence is our own, in no evaluation set; each
 * positive has a look-alike sharing its words that must stay unflagged.
 */
import { describe, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';

const { expectAbuse, expectClean } = abuseExpectations(new ComplianceDetector());

describe('English addressed abuse as classes', () => {
  it('flags insult nouns and dullness said to the other party, in masked spellings too', async () => {
    await expectAbuse('merchant', [
      "you're an utter donkey, it's in the FAQ",
      'u r a proper bozo lol',
      "you're a f*cking clown",
      'ur thick as a brick mate',
      'you deaf or just ignoring me?',
      'imagine being this helpless with a zip',
    ]);
  });

  it('leaves tools, masked emphasis and praise alone', async () => {
    await expectClean('merchant', [
      'you need a tool kit for the legs, it comes in the box',
      "This f*cking blender is a beast, you'll love it",
      "you're a total star, thanks for waiting",
    ]);
  });

  it("flags blame put on the buyer's household, a condition joined to a harm, and harm to the body", async () => {
    await expectAbuse('merchant', [
      'your dog obviously chewed it and now you are blaming us',
      'file that chargeback and I will send your details to every shop in town',
      "I'm gonna drive over there and break your jaw",
    ]);
  });

  it('leaves an incentive-free instruction joined by "and" alone', async () => {
    await expectClean('merchant', [
      'open the box and your charger is under the tray',
      'try the reset button and I will stay on the line',
      'please send your name and address so we can ship the replacement',
      "careful on the ladder, you'll break your neck",
    ]);
  });
});
