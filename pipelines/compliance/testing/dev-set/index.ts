import { ABUSE_DEV } from './abuse.js';
import { CLAIM_DEV } from './claim.js';
import { CONTACT_DEV } from './contact.js';
import type { DevCase } from './dsl.js';
import { PAYMENT_DEV } from './payment.js';
import { PRIVACY_DEV } from './privacy.js';
import { REFUND_DEV } from './refund.js';
import { REVIEW_DEV } from './review.js';

export type { DevCase } from './dsl.js';

export const DEV_SET: DevCase[] = [
  ...PRIVACY_DEV,
  ...CONTACT_DEV,
  ...PAYMENT_DEV,
  ...REVIEW_DEV,
  ...ABUSE_DEV,
  ...CLAIM_DEV,
  ...REFUND_DEV,
];
