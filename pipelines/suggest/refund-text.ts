import { type Currency, currencySign } from '../../core/domain.js';

export type RationaleKey =
  | 'spoiled_full'
  | 'spoiled_partial'
  | 'spoiled_partial_unknown'
  | 'spoiled_low_value'
  | 'reship_spoiled'
  | 'damaged_partial'
  | 'reship_broken'
  | 'replacement'
  | 'replacement_15day'
  | 'return_quality'
  | 'refund_low_value'
  | 'reship_wrong'
  | 'return_wrong'
  | 'reship_missing'
  | 'refund_missing'
  | 'return_not_described'
  | 'reship_lost'
  | 'refund_lost'
  | 'coupon_late'
  | 'cancel_unshipped'
  | 'return_7day'
  | 'exchange_size'
  | 'coupon'
  | 'refund_not_described_low'
  | 'remake_custom'
  | 'refund_custom'
  | 'refund_install_fee'
  | 'coupon_no_show'
  | 'refund_food_hygiene'
  | 'refund_intangible'
  | 'settled';

interface Vars {
  amount: number | null;
  currency: Currency;
  share: number | null;
  count: number | null;
  days: number | null;
}

type Template = (v: Vars, money: string, pct: string) => string;

const ZH: Record<RationaleKey, Template> = {
  spoiled_full: (_, m) => `坏果较多，按坏果包赔可全额仅退款${m}，坏果无需寄回。`,
  spoiled_partial: (_, m, p) => `按坏果包赔，坏果约占${p}，按比例退款${m}，无需退货。`,
  spoiled_partial_unknown: () => '按坏果包赔按比例退款；请买家拍照确认坏果数量后计算金额，无需退货。',
  spoiled_low_value: (_, m) => `订单金额低，直接仅退款${m}最省事，买家无需寄回。`,
  reship_spoiled: () => '如买家更想要水果，可补发坏掉的部分，运费由商家承担。',
  damaged_partial: (_, m, p) => `约${p}的商品损坏，按比例退款${m}，其余商品保留。`,
  reship_broken: () => '也可只补发损坏的部分，运费由商家承担。',
  replacement: (v, m) => `质量或运输破损，可换新${v.amount !== null ? `（${m}）` : ''}，来回运费由商家承担。`,
  replacement_15day: (v) => `已签收${v.days ?? '7'}天，超过7天退货期但在15天换货期内，可换货，运费由商家承担。`,
  return_quality: (_, m) => `签收7天内的质量问题，可退货退款${m}，退回运费由商家承担。`,
  refund_low_value: (_, m) => `商品金额低，寄回不划算，可直接仅退款${m}。`,
  refund_food_hygiene: (_, m) => `食品破损或封口破损，出于食品安全不能食用也无法二次销售，可直接仅退款${m}，无需寄回。`,
  reship_wrong: () => '发错货是商家的责任：补发正确商品，错发的商品安排上门取件或由商家承担运费寄回。',
  return_wrong: (_, m) => `买家不想再等的，可退货退款${m}，运费由商家承担。`,
  reship_missing: (v, m) => `核对发货记录后补发所缺商品${v.amount !== null ? `（${m}）` : ''}。`,
  refund_missing: (_, m) => `或按所缺商品的金额退款${m}。`,
  return_not_described: (_, m) => `与描述不符，可退货退款${m}，退回运费由商家承担。`,
  reship_lost: () => '物流丢件：为买家补发，并向快递公司索赔。',
  refund_lost: (_, m) => `或直接仅退款${m}。`,
  coupon_late: (_, m) => `延迟发货：致歉并发放${m}优惠券作为补偿，尽快发货。`,
  cancel_unshipped: (_, m) => `订单尚未发货，买家不愿等待的可取消订单，全额退款${m}。`,
  return_7day: (v, m) =>
    `${v.days === null ? '如签收未超过7天，' : ''}商品完好可七天无理由退货退款${m}，退回运费由买家承担（有运费险的由运费险赔付）。`,
  exchange_size: (v) =>
    `尺码不合适，${v.days === null ? '签收7天内' : ''}商品完好可换合适的尺码，买家寄回后发新尺码，运费按七天无理由规则（有运费险的由运费险赔付）。`,
  coupon: (_, m) => `另可发放${m}店铺优惠券表示歉意（不能替代退款）。`,
  refund_not_described_low: (_, m) => `与描述不符且商品金额低，寄回不划算，可直接仅退款${m}。`,
  remake_custom: () => '定制商品是商家做错的，不适用"定制不退"：免费重新制作并补发，运费由商家承担。',
  refund_custom: (_, m) => `定制商品因商家差错出错，不属于七天无理由退货，可仅退款${m}；定制品无法二次销售，无需寄回。`,
  refund_install_fee: (_, m) => `安装师傅未按约上门：重新预约上门，并退还已付的安装/上门费${m}。`,
  coupon_no_show: (_, m) => `安装师傅未按约上门：致歉并重新预约，可发放${m}优惠券作为补偿。`,
  refund_intangible: (_, m) => `课程、会员、充值、票务等无实物可退回，符合退款规则的可直接仅退款${m}。`,
  settled: (_, m) => `通话中已与买家商定的处理方式${m}，按商定的办理。`,
};

const EN: Record<RationaleKey, Template> = {
  spoiled_full: (_, m) =>
    `Most of the fruit is bad: a full refund of ${m} without return under the spoiled-fruit policy.`,
  spoiled_partial: (_, m, p) => `About ${p} of the fruit is bad: a proportional refund of ${m}, no return needed.`,
  spoiled_partial_unknown: () =>
    'Refund in proportion to the bad fruit; ask for photos to confirm how many are bad, no return needed.',
  spoiled_low_value: (_, m) => `The order is low value: refunding ${m} without a return is simplest.`,
  reship_spoiled: () => "If the buyer prefers fruit, reship the spoiled part at the merchant's cost.",
  damaged_partial: (_, m, p) =>
    `About ${p} of the items are damaged: refund ${m} proportionally and let the buyer keep the rest.`,
  reship_broken: () => "Or reship just the damaged items at the merchant's cost.",
  replacement: (v, m) =>
    `Defective or damaged in transit: send a replacement${v.amount !== null ? ` (${m})` : ''}, shipping both ways paid by the merchant.`,
  replacement_15day: (v) =>
    `Delivered ${v.days ?? 'over 7'} days ago: past the 7-day return window but within 15 days, so an exchange at the merchant's cost.`,
  return_quality: (_, m) =>
    `A quality problem within 7 days of delivery: return for a refund of ${m}, return shipping paid by the merchant.`,
  refund_low_value: (_, m) => `Low-value item, not worth shipping back: refund ${m} without a return.`,
  refund_food_hygiene: (_, m) =>
    `Food that arrives damaged or with a broken seal is unsafe to eat and cannot be resold: refund ${m} without a return.`,
  reship_wrong: () =>
    "A wrong item is the merchant's mistake: send the right one and collect the wrong one at the merchant's cost.",
  return_wrong: (_, m) =>
    `If the buyer would rather not wait: return for a refund of ${m}, shipping paid by the merchant.`,
  reship_missing: (v, m) =>
    `After checking the packing record, reship the missing items${v.amount !== null ? ` (${m})` : ''}.`,
  refund_missing: (_, m) => `Or refund the missing items' value, ${m}.`,
  return_not_described: (_, m) =>
    `Not as described: return for a refund of ${m}, return shipping paid by the merchant.`,
  reship_lost: () => 'Parcel lost in transit: reship and claim from the carrier.',
  refund_lost: (_, m) => `Or refund ${m} without a return.`,
  coupon_late: (_, m) => `Late shipping: apologise, offer a ${m} coupon and ship as soon as possible.`,
  cancel_unshipped: (_, m) => `Not shipped yet: if the buyer won't wait, cancel with a full refund of ${m}.`,
  return_7day: (v, m) =>
    `${v.days === null ? 'If delivered within the last 7 days and unused, ' : 'Unused, within 7 days of delivery: '}a no-reason return for a refund of ${m}; the buyer pays return shipping unless insured.`,
  exchange_size: (v) =>
    `${v.days === null ? 'Within 7 days of delivery and unworn: ' : 'Unworn: '}exchange for the size that fits; the new size ships when the return arrives, return shipping as for no-reason returns.`,
  coupon: (_, m) => `Optionally a ${m} store coupon as an apology (never instead of a refund).`,
  refund_not_described_low: (_, m) =>
    `Not as described and low value, not worth shipping back: refund ${m} without a return.`,
  remake_custom: () =>
    'The merchant made the customised item wrong: remake and send it free, shipping paid by the merchant.',
  refund_custom: (_, m) =>
    `A customised item made wrong by the merchant is not a no-reason return: refund ${m} without a return, since it cannot be resold.`,
  refund_install_fee: (_, m) =>
    `The installer missed the appointment: rebook the visit and refund the installation fee paid, ${m}.`,
  coupon_no_show: (_, m) => `The installer missed the appointment: apologise, rebook, and offer a ${m} coupon.`,
  refund_intangible: (_, m) =>
    `Nothing to send back (a course, membership, top-up or ticket): where its refund terms allow, refund ${m} without a return.`,
  settled: (v, m) =>
    `The remedy agreed with the buyer in this call${v.amount !== null ? ` (${m})` : ''}: carry it out as agreed.`,
};

export function rationale(language: 'zh' | 'en', key: RationaleKey, v: Vars): string {
  const pct = v.share === null ? '' : `${Math.round(v.share * 100)}%`;
  return (language === 'zh' ? ZH : EN)[key](v, formatMoney(v.amount, v.currency, language), pct);
}

/** What an amount not known yet reads as: to be confirmed, never ¥0.00. */
export const AMOUNT_TO_BE_CONFIRMED = { zh: '（金额待核实）', en: 'an amount to be confirmed' } as const;

/** "¥11.97" / "$4.50"; when unknown, says it is to be confirmed instead of inventing a figure. */
export function formatMoney(amount: number | null, currency: Currency, language: 'zh' | 'en'): string {
  if (amount === null) return AMOUNT_TO_BE_CONFIRMED[language];
  return `${currencySign(currency)}${Number.isInteger(amount) ? amount : amount.toFixed(2)}`;
}
