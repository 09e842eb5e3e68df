import type { Currency } from '../../core/domain.js';
import { type AmountMatch, currencyFamily } from './amounts.js';

/**
 * The currency a call has established, carried line to line (decision 0450). A sum whose words
 * name no currency — "refund the 89", 退您二十五块, "$8 shipping" — is in the currency the call
 * already named (S$89, 新币二十五, SGD 45), else the shop's market (the buyer's orders), else the
 * line's own reading (yuan in Chinese, dollars in English). A bare $ or "dollars" in a call whose
 * words place it in a market (Singlish particles, written Cantonese, PayNow, FPS: amounts.json
 * `places`, decision 0485) is that market's dollar when neither the call nor the shop says which.
 * A bare $ or "dollars" only ever
 * becomes one of the dollars, 块/元 only a currency Chinese speakers call 块. Batch and live fold
 * the same lines through this one state, so they agree.
 */
export class CallCurrency {
  /** The currency last named in the call, and the dollar last named. */
  private named: Currency | null = null;
  private dollar: Currency | null = null;
  /** The market the call's words placed it in (its dollar), first said. */
  private placed: Currency | null = null;

  /** @param market the shop's currency for this buyer (their orders'), when known. */
  constructor(private readonly market?: Currency) {}

  /** Notes the market a line's words place the call in; true when that newly places the call. */
  place(market: Currency | undefined): boolean {
    if (market === undefined || this.placed !== null) return false;
    this.placed = market;
    return true;
  }

  /** Does nothing in the call yet say which currency this sum is in (its reading is the line's guess)? */
  isOpen(a: AmountMatch): boolean {
    return a.carried !== undefined && this.resolve(a.carried, a.currency, null) === null;
  }

  /** A sum read while its currency was open, read again now. */
  reread(a: AmountMatch): Currency {
    return a.carried === undefined ? a.currency : this.resolve(a.carried, a.currency);
  }

  /** One line's sums in the call's currency; a sum naming its currency updates the state first. */
  read(found: readonly AmountMatch[]): AmountMatch[] {
    const dollars = currencyFamily('dollar');
    for (const a of found) {
      if (a.carried !== undefined) continue;
      this.named = a.currency;
      if (dollars.has(a.currency)) this.dollar = a.currency;
    }
    return found.map((a) => {
      const currency = a.carried === undefined ? a.currency : this.resolve(a.carried, a.currency);
      return currency === a.currency ? a : { ...a, currency };
    });
  }

  private resolve(carried: NonNullable<AmountMatch['carried']>, own: Currency): Currency;
  private resolve(carried: NonNullable<AmountMatch['carried']>, own: Currency, open: null): Currency | null;
  private resolve(carried: NonNullable<AmountMatch['carried']>, own: Currency, open?: null): Currency | null {
    const fits = (c: Currency | null | undefined): c is Currency =>
      c != null && (carried === 'bare' || currencyFamily(carried).has(c));
    if (carried === 'dollar' && fits(this.dollar)) return this.dollar;
    if (fits(this.named)) return this.named;
    if (fits(this.market)) return this.market;
    if (carried === 'dollar' && fits(this.placed)) return this.placed;
    return open === undefined ? own : open;
  }
}
