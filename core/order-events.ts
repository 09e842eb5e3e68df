/**
 * What the platform's order system tells Kefu (the webhook and `kefu order-events import`), and
 * the lifecycle of a promise checked against it. One definition, shared by every layer.
 */
import { z } from 'zod';
import { BuyerNameSchema } from './buyer.js';
import { CurrencySchema } from './domain.js';

export const OrderEventTypeSchema = z.enum([
  'refunded',
  'shipped',
  'delivered',
  'cancelled',
  'compensated',
  'callback_made',
  'visit_done',
]);
export type OrderEventType = z.infer<typeof OrderEventTypeSchema>;

/** One fact from the platform; `eventId` makes delivery idempotent (a replay changes nothing). */
export const OrderEventSchema = z
  .object({
    eventId: z.string().trim().min(1).max(200),
    orderId: z.string().trim().min(1).max(200),
    type: OrderEventTypeSchema,
    at: z.iso.datetime({ offset: true }),
    amount: z.number().nonnegative().finite().optional(),
    currency: CurrencySchema.optional(),
    trackingNumber: z.string().trim().min(1).max(200).optional(),
    /** The order's buyer's current masked display name, when the platform sends it along. */
    buyerName: BuyerNameSchema.optional(),
  })
  .strict();
export type OrderEvent = z.infer<typeof OrderEventSchema>;

/** open → kept | broken | cancelled | superseded; every move is an audit event naming its cause. */
export const PromiseStatusSchema = z.enum(['open', 'kept', 'broken', 'cancelled', 'superseded']);
export type PromiseStatus = z.infer<typeof PromiseStatusSchema>;

/** Where a promise's due time came from: the words said, or the platform's default for its action. */
export const DueSourceSchema = z.enum(['said', 'platform_default']);
export type DueSource = z.infer<typeof DueSourceSchema>;
