import type { Case } from './cases.js';

const m = 'merchant' as const;
const c = 'customer' as const;

/** English cases: violations (with the category expected on the last line) and hard negatives. */
export const EN_CASES: Case[] = [
  // contact_exchange
  {
    lines: [[m, 'Add me on WhatsApp and we can sort it out there']],
    expect: 'contact_exchange',
    evidence: 'Add me on WhatsApp',
  },
  { lines: [[m, 'Just message me on Telegram, it is faster']], expect: 'contact_exchange' },
  { lines: [[m, 'My WeChat ID is kefu_store88']], expect: 'contact_exchange' },
  { lines: [[m, 'Text me on my personal cell instead']], expect: 'contact_exchange' },
  { lines: [[m, 'Call me at 415-555-0134, that is my personal line']], expect: 'contact_exchange' },
  { lines: [[m, 'add me on w h a t s a p p']], expect: 'contact_exchange' },
  {
    lines: [
      [m, 'Add me'],
      [m, 'kefu8899'],
    ],
    expect: 'contact_exchange',
    evidence: 'kefu8899',
  },
  {
    lines: [
      [c, 'Can I add you on WhatsApp?'],
      [m, 'Sure'],
    ],
    expect: 'contact_exchange',
    evidence: 'Sure',
  },
  { lines: [[m, 'Email me directly at ann.lee@gmail.com']], expect: 'contact_exchange' },
  { lines: [[m, "Let's continue this on WeChat"]], expect: 'contact_exchange' },
  { lines: [[m, 'Please never add sellers on WhatsApp']], expect: null },
  { lines: [[m, "If anyone asks you to add them on WhatsApp, it's a scam"]], expect: null },
  { lines: [[m, 'You can pay with WeChat Pay at checkout']], expect: null },
  {
    lines: [
      [c, 'Can I add you on WhatsApp?'],
      [m, "Sorry, we can only talk through the platform's chat"],
    ],
    expect: null,
  },
  { lines: [[c, 'Add me on WhatsApp, please']], expect: null },
  { lines: [[m, "What's the best phone number for the delivery driver?"]], expect: null },
  { lines: [[m, 'Your order number is 2406115877']], expect: null },
  {
    lines: [
      [c, 'My number is 415-555-0134'],
      [m, 'Got it, 415-555-0134, thanks'],
    ],
    expect: null,
  },
  { lines: [[m, 'Our customer service hotline is 1-800-555-0199']], expect: null },
  // off_platform_payment
  { lines: [[m, 'Pay me via PayPal instead and I will knock off ten dollars']], expect: 'off_platform_payment' },
  { lines: [[m, 'Just Venmo me the rest']], expect: 'off_platform_payment' },
  { lines: [[m, 'Send the money to my bank account directly']], expect: 'off_platform_payment' },
  { lines: [[m, "It's cheaper if you pay me directly"]], expect: 'off_platform_payment' },
  { lines: [[m, 'Cancel the order and pay me with Zelle']], expect: 'off_platform_payment' },
  {
    lines: [
      [c, 'Can I just Venmo you?'],
      [m, 'Yeah that works'],
    ],
    expect: 'off_platform_payment',
  },
  { lines: [[m, "I'll send you $20 via Venmo to make up for it"]], expect: 'off_platform_payment' },
  { lines: [[m, 'Never pay outside the platform']], expect: null },
  { lines: [[m, 'You can pay with PayPal at checkout']], expect: null },
  { lines: [[c, 'Can I pay with PayPal?']], expect: null },
  { lines: [[m, "If someone asks you to wire money, that's fraud"]], expect: null },
  { lines: [[m, 'The refund goes back to your original payment method']], expect: null },
  { lines: [[m, 'Paying outside the platform is against the rules']], expect: null },
  // review_manipulation
  { lines: [[m, 'Leave 5 stars and get $5 back']], expect: 'review_manipulation' },
  { lines: [[m, "I'll send you a gift card for a five star review"]], expect: 'review_manipulation' },
  { lines: [[m, "Remove your bad review and I'll refund you"]], expect: 'review_manipulation' },
  { lines: [[m, "Change your rating to five stars and we'll give you a coupon"]], expect: 'review_manipulation' },
  { lines: [[c, 'Should I leave a review?']], expect: null },
  { lines: [[m, 'You are free to leave any review you like']], expect: null },
  { lines: [[m, "We can't offer anything for reviews"]], expect: null },
  { lines: [[c, "I'm going to remove my review once it arrives"]], expect: null },
  { lines: [[m, 'Reviews help other buyers, thank you']], expect: null },
  // abuse
  { lines: [[c, "You're a fucking idiot"]], expect: 'abuse' },
  { lines: [[m, 'Shut up, you useless moron']], expect: 'abuse' },
  { lines: [[c, "I'll find where you live"]], expect: 'abuse' },
  { lines: [[m, "I'm going to kill you"]], expect: 'abuse' },
  { lines: [[c, "You'll regret this"]], expect: 'abuse' },
  { lines: [[c, 'This battery is killing me']], expect: null },
  { lines: [[c, "I'm dying to try it"]], expect: null },
  { lines: [[m, "I'll find you a replacement today"]], expect: null },
  { lines: [[m, "We'll beat your price, don't worry"]], expect: null },
  { lines: [[c, 'This stupid charger keeps failing']], expect: null },
  // privacy_request
  { lines: [[m, 'Send me the verification code we just texted you']], expect: 'privacy_request' },
  { lines: [[m, "Tell me your card number and I'll process it"]], expect: 'privacy_request' },
  { lines: [[m, "What's your password?"]], expect: 'privacy_request' },
  { lines: [[m, 'Send a photo of your ID card']], expect: 'privacy_request' },
  { lines: [[m, "If anyone asks for your card number, it's a scam"]], expect: null },
  { lines: [[m, 'Never share your verification code with anyone']], expect: null },
  { lines: [[m, 'The wifi password is on the back of the router']], expect: null },
  { lines: [[m, 'Tell me the code on the box']], expect: null },
  { lines: [[m, 'We will never ask for your password']], expect: null },
  // prohibited_claim
  { lines: [[m, 'This tea cures cancer']], expect: 'prohibited_claim' },
  { lines: [[m, "It's guaranteed to never break"]], expect: 'prohibited_claim' },
  { lines: [[m, 'No side effects at all']], expect: 'prohibited_claim' },
  { lines: [[m, "You won't need your medication anymore"]], expect: 'prohibited_claim' },
  { lines: [[m, 'This is not a medicine and does not cure any disease']], expect: null },
  { lines: [[m, 'The glue cures in 24 hours']], expect: null },
  { lines: [[m, "It's 100% cotton"]], expect: null },
  { lines: [[m, "We can't promise it will never break"]], expect: null },
  // refund_obstruction
  { lines: [[m, "If you return it, I'll report you"]], expect: 'refund_obstruction' },
  { lines: [[m, "We don't do refunds"]], expect: 'refund_obstruction' },
  { lines: [[m, "Cancel the refund request and I'll send you $20"]], expect: 'refund_obstruction' },
  { lines: [[m, 'No refunds, all sales are final']], expect: 'refund_obstruction' },
  { lines: [[m, "We won't refuse your refund, just send it back"]], expect: null },
  { lines: [[m, "We can't process the refund until we receive the item"]], expect: null },
  { lines: [[m, 'No returns needed, just keep it']], expect: null },
  { lines: [[c, "If you don't refund me I'll report you"]], expect: null },
];
