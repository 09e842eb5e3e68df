/**
 * How a buyer is named to people (issue 15): by the masked display name the platform passes with
 * the order or the call (张**, z***g), never by the platform's account id. One definition, used
 * where names enter Kefu (orders, order events, call creation, seed, replay) and on every page.
 */
import { z } from 'zod';

/**
 * A display name the platform has already masked. Kefu refuses one without a mask character, so
 * a platform that sends a buyer's full name by mistake gets a clear error instead of Kefu storing
 * and showing it. Control characters are refused: the name is printed on pages and in exports.
 */
export const BuyerNameSchema = z
  .string()
  .trim()
  .min(1, 'a buyer name is the platform’s masked display name, e.g. 张** or z***g')
  .max(40, 'a buyer name is at most 40 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'a buyer name must not contain control characters')
  .refine((s) => /[*＊]/.test(s), 'a buyer name must be masked by the platform with * (e.g. 张**, z***g)');
export type BuyerName = z.infer<typeof BuyerNameSchema>;

/**
 * A buyer as pages receive it: the masked name when the platform gave one, and a short tag that
 * tells buyers without a name apart. The tag is 4 digits of a hash of the account id: stable on
 * every page, yet 10,000 buckets cannot single out one of a platform's buyers.
 */
export const BuyerWireSchema = z.object({ name: z.string().nullable(), tag: z.string() });
export type BuyerWire = z.infer<typeof BuyerWireSchema>;

/** FNV-1a over UTF-16 code units: pure and the same in the server and the browser. */
export function buyerTag(buyerId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < buyerId.length; i++) {
    h ^= buyerId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h % 10_000).padStart(4, '0');
}

export function buyerWire(buyerId: string, name: string | null | undefined): BuyerWire {
  return { name: name ?? null, tag: buyerTag(buyerId) };
}
