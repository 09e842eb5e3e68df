import { z } from 'zod';
import { WireTimeSchema } from './audit.js';
import { BuyerWireSchema } from './buyer.js';
import { CurrencySchema, PromiseActionSchema, SpeakerRoleSchema } from './domain.js';
import { DueSourceSchema, OrderEventTypeSchema, PromiseStatusSchema } from './order-events.js';

/** Wire shapes of the promise ledger (README, "Promise ledger") and the order-events webhook. */

export const LedgerPromiseWireSchema = z.object({
  id: z.string(),
  callId: z.string(),
  merchantId: z.string(),
  buyerId: z.string(),
  /** How pages name the buyer (core/buyer.ts). */
  buyer: BuyerWireSchema,
  buyerName: z.string().nullable().optional(),
  utteranceId: z.coerce.number().nullable(),
  speakerRole: SpeakerRoleSchema,
  action: PromiseActionSchema,
  text: z.string(),
  /** YYYY-MM-DD in the call's time zone, as said. */
  deadline: z.string().nullable(),
  conditional: z.boolean(),
  status: PromiseStatusSchema,
  orderId: z.string().nullable(),
  amount: z.number().nullable(),
  currency: CurrencySchema.nullable(),
  saidAt: WireTimeSchema.nullable(),
  dueAt: WireTimeSchema.nullable(),
  dueSource: DueSourceSchema.nullable(),
  resolvedAt: WireTimeSchema.nullable(),
  closedByEvent: z.string().nullable(),
  supersededBy: z.string().nullable(),
  ruleRef: z.string().nullable(),
  createdAt: WireTimeSchema,
  overdue: z.boolean(),
  flagId: z.string().nullable(),
  caseId: z.string().nullable(),
  proofs: z.number(),
});

export const OrderEventWireSchema = z.object({
  eventId: z.string(),
  orderId: z.string(),
  merchantId: z.string(),
  type: OrderEventTypeSchema,
  at: WireTimeSchema,
  amount: z.number().nullable(),
  currency: CurrencySchema.nullable(),
  trackingNumber: z.string().nullable(),
  source: z.enum(['webhook', 'import']),
  receivedAt: WireTimeSchema,
});

export const ProofWireSchema = z.object({
  id: z.string(),
  promiseId: z.string(),
  addedBy: z.string(),
  text: z.string(),
  fileName: z.string().nullable(),
  fileType: z.string().nullable(),
  fileBytes: z.number().nullable(),
  createdAt: WireTimeSchema,
});

/** `GET /api/promises/:id`: the promise, its order's facts and events, its audit trail and proofs. */
export const PromiseDetailWireSchema = z.object({
  promise: LedgerPromiseWireSchema,
  order: z
    .object({
      id: z.string(),
      status: z.string(),
      amount: z.number(),
      currency: z.string(),
      refundedAmount: z.number(),
      refundedAt: WireTimeSchema.nullable(),
      compensatedAmount: z.number(),
      shippedAt: WireTimeSchema.nullable(),
      deliveredAt: WireTimeSchema.nullable(),
      cancelledAt: WireTimeSchema.nullable(),
      trackingNumber: z.string().nullable(),
    })
    .nullable(),
  events: z.array(OrderEventWireSchema),
  trail: z.array(z.object({ at: WireTimeSchema, action: z.string(), after: z.unknown() })),
  proofs: z.array(ProofWireSchema),
});

/** What the webhook answers (and answers again, unchanged, to a replay). */
export const OrderEventOutcomeWireSchema = z.object({
  eventId: z.string(),
  orderId: z.string(),
  type: OrderEventTypeSchema,
  promises: z.array(z.object({ id: z.string(), status: z.enum(['kept', 'cancelled']) })),
});
