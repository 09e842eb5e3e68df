import type { AmountNote, OrderNumberNote } from '../../core/analysis.js';
import type { Currency, Order, OrderItem, OrderStatus, TranscriptLine } from '../../core/domain.js';
import { CallReading, type GoodsClass } from './call-reading.js';
import { names } from './issue-cues.js';

/**
 * What refund options are computed from. From the platform's order when there is one; else
 * from what was said in the call (an order number, a price the customer paid) — never guessed.
 */
export interface OrderFacts {
  source: 'order' | 'stated' | 'none';
  orderId: string | null;
  /** What the buyer paid; null when neither the order nor the call says. */
  amount: number | null;
  currency: Currency;
  items: OrderItem[];
  status: OrderStatus | null;
  /** Whole days since delivery; null when not delivered or unknown. */
  daysSinceDelivery: number | null;
  fresh: boolean;
  /** Food or drink of any kind (fresh or packaged: tea, snacks, pet food): damaged food is a hygiene matter. */
  food?: boolean;
  installable: boolean;
  /** Made to the buyer's order (engraved, printed with a name…): no no-reason returns, and not resellable. */
  customised?: boolean;
  /** Nothing to send back (a course, a membership, a top-up, a ticket): a refund is a refund without a return. */
  intangible?: boolean;
  /** An installation / on-site service fee the customer says they paid, apart from the goods. */
  serviceFee?: number | null;
}

const DAY_MS = 86_400_000;

export function factsFromOrder(order: Order, now: Date): OrderFacts {
  return {
    source: 'order',
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    items: order.items,
    status: order.status,
    daysSinceDelivery: order.deliveredAt
      ? Math.max(0, Math.floor((now.getTime() - order.deliveredAt.getTime()) / DAY_MS))
      : null,
    fresh: order.items.some((i) => i.category === 'fresh_food'),
    food: order.items.some((i) => i.category === 'fresh_food' || names(i.name, 'goods.food')),
    installable: order.items.some((i) => i.category === 'appliance'),
    customised: order.items.some((i) => names(i.name, 'goods.custom')),
    intangible: order.items.every((i) => names(i.name, 'goods.intangible')),
    serviceFee: null,
  };
}

/** Amounts for something other than the goods: shipping, or a service fee kept apart. */
const SHIPPING_AFTER = /^\s*(\w+\s+)?(的?运费|的?邮费|的?快递费|for (the )?(shipping|postage|delivery))/i;
const SHIPPING_BEFORE = /(运费|邮费|快递费|shipping (was|cost|fee)|postage)[^。.!?！？，,]{0,6}$/i;
const FEE_NEAR = /安装费|上门费|服务费|install(ation)? fee|service fee|call-?out fee|technician fee/i;

const PAID_CUE = /花了|付了|买的|买了|一共|总共|实付|付款|订单金额|paid|cost|spent|total|was|for/i;

/** What a customer's amount is: a service fee, the goods (not shipping), a price they paid. */
interface AmountRole {
  fee: boolean;
  goods: boolean;
  paid: boolean;
}
/** Each amount's role, worked out once: advice asks after every buyer line. Checked against its line. */
const roleOf = new WeakMap<AmountNote, AmountRole & { text: string }>();

function amountRole(a: AmountNote, text: string): AmountRole {
  const known = roleOf.get(a);
  if (known?.text === text) return known;
  const fee = FEE_NEAR.test(text);
  const before = text.slice(Math.max(0, a.span[0] - 24), a.span[0]);
  const after = text.slice(a.span[1], a.span[1] + 16);
  const goods = !fee && !SHIPPING_AFTER.test(after) && !SHIPPING_BEFORE.test(before);
  const paid = PAID_CUE.test(text.slice(Math.max(0, a.span[0] - 8), a.span[0]));
  const role = { fee, goods, paid, text };
  roleOf.set(a, role);
  return role;
}

/**
 * Facts heard in the call: the order number said (validated ones first) and the amount the
 * customer says they paid — a customer amount next to a "paid" word, else the customer's latest
 * amount. Merchant amounts are offers, not prices, so they are not used.
 */
export function factsFromCall(
  lines: readonly TranscriptLine[],
  index: number,
  notes: { amounts?: readonly AmountNote[]; orderNumbers?: readonly OrderNumberNote[] },
  language: 'zh' | 'en',
  reading?: CallReading,
): OrderFacts {
  // One pass each, no intermediate lists: advice asks after every buyer line of a call whose
  // notes keep growing. The first order number said (a validated one first); the customer's
  // latest amount for the goods next to a "paid" word, else their latest for the goods, and
  // their latest service fee.
  let orderId: string | null = null;
  let anyNumber = false;
  for (const n of notes.orderNumbers ?? []) {
    if (n.utterance > index || n.matched === false) continue;
    if (!anyNumber) orderId = n.value;
    anyNumber = true;
    if (n.matched) {
      orderId = n.value;
      break;
    }
  }
  const said = notes.amounts ?? [];
  let goods: AmountNote | undefined;
  let paid: AmountNote | undefined;
  let fee: AmountNote | undefined;
  for (let i = said.length - 1; i >= 0 && (paid === undefined || fee === undefined); i--) {
    const a = said[i]!;
    if (a.utterance > index || lines[a.utterance]?.speaker !== 'customer') continue;
    const role = amountRole(a, lines[a.utterance]!.text);
    if (role.fee) fee ??= a;
    if (role.goods) {
      goods ??= a;
      if (role.paid) paid ??= a;
    }
  }
  const amount = paid ?? goods;
  const call = reading?.lines === lines ? reading : new CallReading(lines);
  const named = (cls: GoodsClass) => call.named(cls, index);
  const fresh = named('goods.fresh');
  return {
    source: amount || anyNumber ? 'stated' : 'none',
    orderId,
    amount: amount?.value ?? null,
    currency: amount?.currency ?? (language === 'zh' ? 'CNY' : 'USD'),
    items: [],
    status: null,
    daysSinceDelivery: null,
    fresh,
    food: fresh || named('goods.food'),
    installable: named('goods.appliance'),
    customised: named('goods.custom'),
    intangible: named('goods.intangible'),
    serviceFee: fee?.value ?? null,
  };
}

/** The value of the goods the customer is talking about: one named line of a multi-item order, else all. */
export function affectedValue(facts: OrderFacts, text: string): number | null {
  if (facts.items.length > 1) {
    const named = facts.items.find((item) => nameKeys(item.name).some((k) => text.toLowerCase().includes(k)));
    if (named) return round2(named.unitPrice * named.quantity);
  }
  return facts.amount;
}

/** Unit price of the goods a missing-item complaint is about, when one line can be identified. */
export function unitPrice(facts: OrderFacts, text: string): number | null {
  if (facts.items.length === 1) return facts.items[0]!.unitPrice;
  return facts.items.find((item) => nameKeys(item.name).some((k) => text.toLowerCase().includes(k)))?.unitPrice ?? null;
}

function nameKeys(name: string): string[] {
  const han = [...name.matchAll(/\p{Script=Han}+/gu)].flatMap(([run]) =>
    [...run].slice(0, -1).map((c, i) => c + run[i + 1]!),
  );
  const words = [...name.toLowerCase().matchAll(/[a-z]{4,}/g)].map(([w]) => w);
  return [...han, ...words];
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
