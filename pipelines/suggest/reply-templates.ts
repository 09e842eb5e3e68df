import type { RefundOption } from '../../core/analysis.js';
import type { IssueAssessment, IssueKind } from './issue.js';
import { says } from './issue-cues.js';
import { formatMoney } from './refund-text.js';

type Lang = 'zh' | 'en';
type Line = (money: string, issue: IssueAssessment | null) => string;

/** What the merchant can say to offer a refund option, by `<kind>:<policy>` then by `<kind>`. */
const REMEDY: Record<Lang, Record<string, Line>> = {
  zh: {
    'partial_refund:fresh.bad-fruit': (m, i) =>
      `非常抱歉让您收到坏果。按照坏果包赔，${i?.count && i.total ? `${i.total}个里有${i.count}个坏的，` : ''}给您按比例退款${m}，坏果不用寄回，您看可以吗？`,
    partial_refund: (m) => `非常抱歉。损坏的部分给您按比例退款${m}，其余商品您正常使用，您看可以吗？`,
    'refund_only:shipping.late': (m) => `如果您不想等了，也可以直接取消订单，给您全额退款${m}。`,
    'partial_refund:missing.items': (m) => `如果您不需要补发，也可以按少发商品的金额给您退款${m}。`,
    refund_only: (m) => `非常抱歉给您添麻烦了。这单直接给您仅退款${m}，商品不用寄回，您看可以吗？`,
    'return_refund:return.7day': (m) =>
      `可以的。商品不影响二次销售的话，签收7天内支持无理由退货，您在订单页申请退货退款，我们收到后为您退款${m}，退回运费由您承担（有运费险的会赔付）。`,
    return_refund: (m) => `您在订单页申请退货退款，退回运费由我们承担，收到退货后给您退款${m}。`,
    'replacement:return.7day': () =>
      '可以的，签收7天内吊牌完好的话可以换合适的尺码，您在订单页申请换货选好尺码，我们收到退回的商品就给您发新的。',
    replacement: () => '非常抱歉，我们给您换一个新的，来回运费都由我们承担，您在订单页申请换货就可以。',
    'reship:shipping.reship': (_, i) =>
      i?.kind === 'wrong_item'
        ? '实在抱歉发错了，我们马上给您补发正确的商品，发错的那件安排上门取件，运费都由我们承担。'
        : i?.kind === 'late'
          ? '包裹丢件由我们负责，马上给您补发，新的快递单号会同步到订单里。'
          : '如果您更希望要货，我们也可以给您补发坏掉的部分，运费由我们承担。',
    'reship:missing.items': () => '抱歉少发了，我这边核对发货记录后马上给您补发缺的商品，新的快递单号会同步到订单里。',
    'coupon:shipping.late': (m) => `让您久等了，实在抱歉。我们会尽快给您发货，另外给您发一张${m}的优惠券作为补偿。`,
    coupon: (m) => `给您添麻烦了，另外送您一张${m}的店铺优惠券表示歉意。`,
  },
  en: {
    'partial_refund:fresh.bad-fruit': (m, i) =>
      `I'm so sorry about the fruit. Under our spoiled-fruit policy${i?.count && i.total ? `, with ${i.count} of ${i.total} bad` : ''}, we'll refund${m} in proportion, and you don't need to send anything back. Would that work?`,
    partial_refund: (m) =>
      `I'm sorry about the damage. We can refund${m} for the damaged part and you keep the rest. Would that work?`,
    'refund_only:shipping.late': (m) => `If you'd rather not wait, we can cancel the order and refund it in full${m}.`,
    'partial_refund:missing.items': (m) =>
      `If you'd rather not wait for the missing items, we can refund their value${m}.`,
    refund_only: (m) =>
      `I'm sorry for the trouble. We'll refund you${m} and you don't need to send the item back. Is that OK?`,
    'return_refund:return.7day': (m) =>
      `Sure. If the item is unused, you can return it within 7 days of delivery for any reason: request a return in the order page and we'll refund you${m} once it arrives. Return shipping is on you unless you have return insurance.`,
    return_refund: (m) =>
      `Please request a return in the order page; we pay the return shipping and refund you${m} once it arrives.`,
    'replacement:return.7day': () =>
      "Sure, within 7 days of delivery and unworn you can exchange it for the size that fits: request an exchange in the order page with the new size, and we'll ship it as soon as the return arrives.",
    replacement: () =>
      "I'm really sorry. We'll send you a new one and cover shipping both ways; just request an exchange in the order page.",
    'reship:shipping.reship': (_, i) =>
      i?.kind === 'wrong_item'
        ? "Sorry for sending the wrong item. We'll ship the right one now and arrange a pickup for the wrong one, all at our cost."
        : i?.kind === 'late'
          ? "The lost parcel is on us: we'll reship right away and add the new tracking number to your order."
          : "If you'd prefer the goods, we can also reship the spoiled or broken part at our cost.",
    'reship:missing.items': () =>
      "Sorry about the missing items. I'll check the packing record and reship them right away; the tracking number will show in your order.",
    'coupon:shipping.late': (m) =>
      `I'm sorry for the wait. We'll ship as soon as possible, and I'll send you a${m} coupon for the delay.`,
    coupon: (m) => `Sorry for the trouble; I'll also send you a${m} store coupon as an apology.`,
  },
};

/** The option as said to the buyer; an amount not known yet is said to be confirmed, never guessed. */
export function remedyLine(
  option: RefundOption,
  issue: IssueAssessment | null,
  lang: Lang,
  amountKnown: boolean,
): string {
  const suffix = option.policy.slice(3);
  const table = REMEDY[lang];
  const line = table[`${option.kind}:${suffix}`] ?? table[option.kind]!;
  // A coupon's amount is the rules' own (known with no order); a coupon settled in the call may not have one yet.
  const known = (option.kind === 'coupon' || amountKnown) && option.amount > 0 && option.amountToBeConfirmed !== true;
  const money = formatMoney(known ? option.amount : null, option.currency, lang);
  return line(lang === 'en' ? ` ${money}` : money, issue);
}

interface Step {
  policy: string;
  zh: string;
  en: string;
}

const EVIDENCE: Step = {
  policy: 'evidence.photos',
  zh: '麻烦您在售后申请里上传外包装、快递面单和问题部位的照片，我这边马上为您处理。',
  en: "Could you upload photos of the outer box, the shipping label and the problem in the after-sales request? I'll handle it right away.",
};

/** The next step that goes with an issue, whatever the refund option. */
const NEXT_STEP: Partial<Record<IssueKind, Step>> = {
  spoiled: EVIDENCE,
  damaged: EVIDENCE,
  wrong_item: EVIDENCE,
  missing_item: EVIDENCE,
  not_as_described: EVIDENCE,
  late: {
    policy: 'shipping.late',
    zh: '我这边马上帮您查物流、催发货，有进展第一时间在订单消息里告诉您。',
    en: "I'm checking the shipment now and will update you in the order messages as soon as it moves.",
  },
  installation: {
    policy: 'install.service',
    zh: '我这边帮您预约师傅上门安装，您哪天方便？也可以现在在视频里一步步教您。',
    en: 'I can book a technician to come and install it. Which day suits you? I can also guide you step by step on this video call.',
  },
  billing: {
    policy: 'refund.timing',
    zh: '非常抱歉，我马上核对这单的支付记录，确认多扣的金额会原路退回给您，不需要您退货。方便说一下是哪天扣的、扣了多少吗？',
    en: "I'm sorry about that. I'm checking the payment record for this order now; any amount charged in error goes back to your original payment method, with nothing to return. Could you tell me the date and amount of the charge?",
  },
  refund_status: {
    policy: 'refund.timing',
    zh: '退款会原路退回：微信支付、支付宝一般几分钟内到账，银行卡一般1到7个工作日，您可以在订单详情里看退款进度。',
    en: 'Refunds go back to your original payment method: wallets usually within minutes, bank cards in 1 to 7 business days. You can track it in the order details.',
  },
  price_drop: {
    policy: 'price.protect',
    zh: '付款7天内本店同款降价的，可以申请价格保护退差价，您在订单页提交价保申请，我这边马上审核。',
    en: 'If we lowered the price within 7 days of your payment, you can claim price protection for the difference in the order page, and I will approve it right away.',
  },
};

const FRESH_NO_RETURN: Step = {
  policy: 'return.exclusions',
  zh: '非常理解。生鲜属于不支持七天无理由退货的商品，不过如果收到的有坏果或质量问题，我们一定按坏果包赔给您处理。',
  en: 'I understand. Fresh food is excluded from no-reason returns, but if anything arrived spoiled or damaged we will make it right under our spoiled-fruit policy.',
};

const PAST_WINDOW: Partial<Record<IssueKind, Step>> = {
  changed_mind: {
    policy: 'return.7day',
    zh: '七天无理由退货需要在签收后7天内申请，这单已经超过了；如果商品有质量问题，我们按质量问题给您处理。',
    en: 'No-reason returns must be requested within 7 days of delivery, and this order is past that; if there is a quality problem, we will handle it as one.',
  },
  damaged: {
    policy: 'quality.return',
    zh: '这单已经超过15天换货期，在保修期内我们给您安排维修，您看可以吗？',
    en: 'This order is past the 15-day exchange window, but it is under warranty, so we can arrange a repair. Would that help?',
  },
};

const INSTALLER_NO_SHOW: Step = {
  policy: 'install.service',
  zh: '非常抱歉师傅没有按约上门，我这边马上帮您重新预约，并把确定的上门时间在订单消息里告诉您。您今天或明天哪个时间方便？',
  en: "I'm sorry the installer didn't come as agreed. I'll rebook the visit now and confirm the time in your order messages. When suits you today or tomorrow?",
};

/** The next step for an issue, or why no refund option applies when none does. */
export function nextStep(
  issue: IssueAssessment,
  context: { hasOptions: boolean; fresh: boolean; issueText: string },
  lang: Lang,
): { text: string; policy: string } | null {
  const { hasOptions, fresh } = context;
  const step =
    issue.kind === 'installation' && says(context.issueText, 'issue.install_no_show')
      ? INSTALLER_NO_SHOW
      : hasOptions
        ? NEXT_STEP[issue.kind]
        : issue.kind === 'changed_mind' && fresh
          ? FRESH_NO_RETURN
          : (PAST_WINDOW[issue.kind] ?? NEXT_STEP[issue.kind]);
  return step ? { text: step[lang], policy: `${lang}.${step.policy}` } : null;
}
