/**
 * The benches' English audio text (bench speech, bot-stages, bot-wer), in a module of its own so the
 * service-call language model's build can hold these lines out of its text (decision 0700).
 */
export const SENTENCES = [
  'Hello, thank you for calling customer service, how can I help you today?',
  'I ordered a blender last week and it arrived broken.',
  'My order number is four seven two nine one eight three.',
  'Can you tell me when my package will be delivered?',
  'I would like to return these shoes because they are too small.',
  'The tracking number says it was delivered but I never received it.',
  'I was charged twice for the same order.',
  'Please send me a replacement as soon as possible.',
  'How long does a refund usually take?',
  'The color of the jacket is different from the picture.',
  'I am sorry for the trouble, let me check your order.',
  'Your refund of thirty five dollars has been approved.',
  'Could you confirm the phone number on your account?',
  'The item is out of stock right now.',
  'We can ship a new one tomorrow morning.',
  'The battery stopped working after two days.',
  'I want to cancel my order before it ships.',
  'Is there a discount if I buy two of them?',
  'The delivery driver left the box in the rain.',
  'Please upload a photo of the damaged product.',
  'Your case number is six zero three one.',
  'Thank you for your patience, is there anything else?',
  'I need an invoice for my company.',
  'The size chart on the website was wrong.',
];

/** Lines reading out numbers: digits one by one, amounts, an order number inside a request. */
export const NUMBER_LINES = [
  'Hello, my order number is seven, seven, three, one, nine, zero, eight, eight, five, two.',
  'My order number is three one nine zero five five seven.',
  'I paid forty nine dollars and ninety nine cents.',
  'Please refund twelve dollars to order eight three three zero one.',
];
