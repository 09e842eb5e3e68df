import type { Currency } from '../../core/domain.js';
import { type AmountMatch, currencyFamily, type Place } from './amounts.js';

/**
 * The currency a call has established, carried line to line (decision 0450). A sum whose words
 * name no currency — "refund the 89", 退您二十五块, "$8 shipping" — is in the currency the call
 * already named (S$89, 新币二十五, SGD 45), else the shop's market (the buyer's orders), else the
 * market the call's words place it in, else the line's own reading (yuan in Chinese, dollars in
 * English). Places (Singlish particles, written Cantonese, PayNow, FPS, 蝦皮, Pos Laju: amounts.json
 * `places`, decisions 0485, 0615) settle a bare $ or "dollars" and a figure said with no currency
 * word in an English line; 块/元/蚊 and a bare figure in a Chinese line only when a place word says
 * so (a market's own service, or Cantonese written in traditional characters). A place's markets
 * narrow as the call goes on (lah: Singapore or Malaysia; Pos Laju: Malaysia). A bare $ or
 * "dollars" only ever becomes one of the dollars, 块/元 only a currency Chinese speakers call 块.
 * Batch and live fold the same lines through this one state, so they agree.
 */
export class CallCurrency {
  /** The currency last named in the call, and the dollar last named. */
  private named: Currency | null = null;
  private dollar: Currency | null = null;
  /** The markets the call's words placed it in (the first taken), and whether 块/元 follow them. */
  private placed: Currency[] | null = null;
  private placedYuan = false;

  /** @param market the shop's currency for this buyer (their orders'), when known. */
  constructor(private readonly market?: Currency) {}

  /** Notes the markets a line's words place the call in; true when the call's market changed. */
  place(place: Place | undefined): boolean {
    if (place === undefined) return false;
    const before = this.placed?.[0];
    const yuanBefore = this.placedYuan;
    if (this.placed === null) this.placed = [...place.currencies];
    else {
      const shared = this.placed.filter((c) => place.currencies.includes(c));
      if (shared.length > 0) this.placed = shared;
    }
    // A 块 settles by place once a word that carries it is said of the market the call is in.
    if (place.yuan && place.currencies.includes(this.placed[0]!)) this.placedYuan = true;
    return this.placed[0] !== before || this.placedYuan !== yuanBefore;
  }

  /** Could a later place word still move this sum (nothing named in the call or the shop's market says its currency)? */
  isOpen(a: AmountMatch): boolean {
    return a.carried !== undefined && this.resolve(a, false) === null;
  }

  /** A sum read while its currency was open, read again now. */
  reread(a: AmountMatch): Currency {
    return a.carried === undefined ? a.currency : (this.resolve(a, true) ?? a.currency);
  }

  /**
   * The currencies named so far (the last named, the last dollar named): when a line changes them,
   * sums said earlier with their currency open (a bare $90 before "A$40") are read again (0880).
   */
  get namedKey(): string {
    return `${this.named}/${this.dollar}`;
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
      const currency = this.reread(a);
      return currency === a.currency ? a : { ...a, currency };
    });
  }

  /** The currency the call gives a carried sum (`placed`: the call's place counts), null when none. */
  private resolve(a: AmountMatch, placed: boolean): Currency | null {
    const carried = a.carried!;
    const fits = (c: Currency | null | undefined): c is Currency =>
      c != null && (carried === 'bare' || currencyFamily(carried).has(c));
    if (carried === 'dollar' && fits(this.dollar)) return this.dollar;
    if (fits(this.named)) return this.named;
    if (fits(this.market)) return this.market;
    const at = this.placed?.[0];
    if (!placed || !fits(at)) return null;
    // A figure with no currency word reads like 块 in a Chinese line and like a dollar in an English one.
    const dollarLike = carried === 'dollar' || (carried === 'bare' && currencyFamily('dollar').has(a.currency));
    return dollarLike || this.placedYuan ? at : null;
  }
}
