/**
 * The one definition of Kefu's domain types. Every layer (pipelines, db, agent, dashboard, CLI)
 * imports these; none redeclares them. Schemas are named FooSchema, inferred types Foo.
 */
import { z } from 'zod';
import { BuyerNameSchema } from './buyer.js';

export const LanguageSchema = z.enum(['zh', 'en', 'mixed']);
export type Language = z.infer<typeof LanguageSchema>;

export const SpeakerRoleSchema = z.enum(['merchant', 'customer']);
export type SpeakerRole = z.infer<typeof SpeakerRoleSchema>;

export const UserRoleSchema = z.enum(['merchant_staff', 'moderator', 'admin']);
export type UserRole = z.infer<typeof UserRoleSchema>;

/** The currencies cross-border sellers' buyers pay in (decisions 0390, 0450). */
export const CurrencySchema = z.enum(['CNY', 'USD', 'GBP', 'SGD', 'HKD', 'MYR', 'TWD', 'AUD', 'CAD', 'EUR', 'JPY']);
export type Currency = z.infer<typeof CurrencySchema>;
const CURRENCY_SIGN: Record<Currency, string> = {
  CNY: '¥',
  USD: '$',
  GBP: '£',
  SGD: 'S$',
  HKD: 'HK$',
  MYR: 'RM',
  TWD: 'NT$',
  AUD: 'A$',
  CAD: 'C$',
  EUR: '€',
  JPY: 'JP¥',
};
/** "¥" / "$" / "S$": the one place a currency becomes the sign shown before an amount (an unknown code shows as itself). */
export const currencySign = (currency: string): string =>
  Object.hasOwn(CURRENCY_SIGN, currency) ? CURRENCY_SIGN[currency as Currency] : `${currency} `;

export const OrderStatusSchema = z.enum([
  'pending',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'refunding',
  'refunded',
  'cancelled',
]);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderItemSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
  /** Drives which after-sales policies apply: perishables, low-value goods, installed goods… */
  category: z.enum(['fresh_food', 'electronics', 'appliance', 'apparel', 'household', 'other']),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrderSchema = z.object({
  id: z.string().min(1),
  merchantId: z.string().min(1),
  buyerId: z.string().min(1),
  /** The platform's masked display name for the buyer (core/buyer.ts); pages show it, not the id. */
  buyerName: BuyerNameSchema.optional(),
  items: z.array(OrderItemSchema),
  amount: z.number().nonnegative(),
  currency: CurrencySchema,
  status: OrderStatusSchema,
  placedAt: z.date(),
  paidAt: z.date().nullable(),
  shippedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});
export type Order = z.infer<typeof OrderSchema>;

/** One line of a transcript as spoken: the unit every text pipeline stage works on. */
export const TranscriptLineSchema = z.object({
  speaker: SpeakerRoleSchema,
  text: z.string(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

export const FlagCategorySchema = z.enum([
  'off_platform_payment',
  'contact_exchange',
  'review_manipulation',
  'abuse',
  'privacy_request',
  'prohibited_claim',
  'refund_obstruction',
]);
export type FlagCategory = z.infer<typeof FlagCategorySchema>;

/**
 * What a flag in the moderation queue is about: a compliance category found in words, or
 * `broken_promise`, a promise the platform's order events show was not kept (issue 14).
 */
export const ModerationCategorySchema = z.enum([...FlagCategorySchema.options, 'broken_promise']);
export type ModerationCategory = z.infer<typeof ModerationCategorySchema>;

export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * What a promise commits to. `escalate`: passed up to a supervisor, finance or a review team;
 * `follow_up`: checking with or chasing someone (warehouse, courier, colleague) and coming back.
 * The database's CHECK (migration 0040) lists the same values.
 */
export const PromiseActionSchema = z.enum([
  'refund',
  'ship',
  'callback',
  'visit',
  'compensate',
  'escalate',
  'follow_up',
  'other',
]);
export type PromiseAction = z.infer<typeof PromiseActionSchema>;

export const PolicyDocumentSchema = z.object({
  id: z.string().regex(/^[a-z]{2}\.[a-z0-9.-]+$/, 'policy ids look like zh.return.7day'),
  language: z.enum(['zh', 'en']),
  version: z.number().int().positive(),
  title: z.string().min(1),
  body: z.string().min(1),
  tags: z.array(z.string()),
});
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;
