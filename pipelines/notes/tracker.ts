import type { AmountNote, OrderNumberNote, ProductNote, PromiseNote } from '../../core/analysis.js';
import type { Currency, TranscriptLine } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { isValidTimeZone } from './calendar.js';
import { CallAmounts } from './amounts.js';
import { knownOrders, OrderNumberReader } from './order-numbers.js';
import { type Alias, aliasTable, productsInLine } from './products.js';
import { PromiseLedger } from './promise-ledger.js';
import type { PromiseVeto } from '../learn/promise-veto.js';
import { type Booking, findPromisesInLine } from './promises.js';

export interface NotesContext {
  /** When the call started; each line's startMs is counted from here. */
  startedAt: Date;
  /** IANA zone ("Asia/Shanghai") or fixed offset ("+08:00"); deadlines are dates in this zone. */
  timeZone: string;
  /** The platform's order ids for this buyer; when given, order numbers are checked against them. */
  knownOrderIds?: readonly string[];
  /** The currency of the buyer's orders (the shop's market): a sum said without one is in it unless the call names another. */
  currency?: Currency;
  /** Item names from the orders, so "苹果" can be named as "烟台红富士苹果5斤装". */
  catalogue?: readonly string[];
  /** The trained promise-line veto (decisions 0340, 0385); none unless the configuration switches it on. */
  promiseVeto?: PromiseVeto;
}

export interface ExtractedNotes {
  orderNumbers: OrderNumberNote[];
  amounts: AmountNote[];
  products: ProductNote[];
  promises: PromiseNote[];
}

/**
 * A call's notes, taken one line at a time: each line is read once, and what crosses lines (a
 * bare number answering "订单号？", a promise restated later) comes from the small state carried
 * here — the question about a number left open, the currency the call has named, the values already noted, the promise ledger. `extractNotes` is this
 * fold over a whole transcript, so a live call and a batch analysis note exactly the same.
 */
export class NotesTracker {
  private readonly orderReader: OrderNumberReader;
  private readonly aliases: Alias[];
  private readonly ledger = new PromiseLedger();
  private readonly amounts: CallAmounts;
  private readonly orders = new Map<string, OrderNumberNote>();
  private readonly goods = new Map<string, ProductNote>();
  private next = 0;

  /** Throws INPUT_INVALID for a bad zone or start time. */
  constructor(private readonly context: NotesContext) {
    if (Number.isNaN(context.startedAt.getTime()))
      throw new KefuError('INPUT_INVALID', 'startedAt is not a valid date');
    if (!isValidTimeZone(context.timeZone)) {
      throw new KefuError(
        'INPUT_INVALID',
        `unknown time zone "${context.timeZone}" (use an IANA name or an offset like +08:00)`,
      );
    }
    this.orderReader = new OrderNumberReader(knownOrders(context.knownOrderIds));
    this.aliases = aliasTable(context.catalogue ?? []);
    this.amounts = new CallAmounts(context.currency);
  }

  /** Reads the call's next line; true when the notes changed. */
  add(line: TranscriptLine): boolean {
    const utterance = this.next++;
    const first = <T>(map: Map<string, T>, key: string, note: T): boolean => {
      if (map.has(key)) return false;
      map.set(key, note);
      return true;
    };
    const { sums: money, added } = this.amounts.read(line.text, utterance);
    let changed = added;
    for (const o of this.orderReader.read(
      line.text,
      money.map((a) => [a.start, a.end] as const),
      line.speaker,
    )) {
      changed = first(this.orders, o.value, { ...o, utterance }) || changed;
    }
    for (const p of productsInLine(line.text, this.aliases)) {
      changed = first(this.goods, p.name, { ...p, utterance }) || changed;
    }
    const withheld: PromiseNote[] = [];
    const booked: Booking[] = [];
    const found = findPromisesInLine(
      line,
      utterance,
      { startedAt: this.context.startedAt, timeZone: this.context.timeZone, veto: this.context.promiseVeto },
      withheld,
      booked,
    );
    changed = this.ledger.add(found, line.text, withheld, booked) || changed;
    return changed;
  }

  get notes(): ExtractedNotes {
    return {
      orderNumbers: [...this.orders.values()],
      amounts: this.amounts.all,
      products: [...this.goods.values()],
      promises: [...this.ledger.promises],
    };
  }
}
