import type { FlagCategory, PromiseAction, Severity } from '../../core/domain.js';
import type { RefundOption } from '../../core/analysis.js';
import { CATEGORY_LABELS, type LabelPair, SEVERITY_LABELS } from '../../core/labels.js';
import type { IssueKind } from '../suggest/issue.js';

type Labels<K extends string> = Record<'zh' | 'en', Record<K, string>>;

export const ISSUE_LABEL: Labels<IssueKind> = {
  zh: {
    wrong_item: '发错货或做错（定制）',
    missing_item: '少件漏发',
    spoiled: '坏果/变质',
    not_as_described: '描述不符',
    damaged: '商品损坏或故障',
    installation: '安装/上门服务',
    billing: '扣款错误（重复扣费、取消后扣费、自动续费）',
    late: '发货或物流延迟',
    refund_status: '询问退款进度',
    price_drop: '降价退差价',
    changed_mind: '不想要了（无理由退货）',
  },
  en: {
    wrong_item: 'wrong item sent or made',
    missing_item: 'missing items',
    spoiled: 'spoiled fresh goods',
    not_as_described: 'item not as described',
    damaged: 'damaged or faulty item',
    installation: 'installation / on-site service',
    billing: 'billing error (double charge, charged after cancelling, renewal)',
    late: 'late shipping or delivery',
    refund_status: 'asking about a refund',
    price_drop: 'price drop after purchase',
    changed_mind: 'changed their mind (no-reason return)',
  },
};

export const OPTION_LABEL: Labels<RefundOption['kind']> = {
  zh: {
    return_refund: '退货退款',
    refund_only: '仅退款',
    partial_refund: '按比例部分退款',
    replacement: '换货',
    reship: '补发',
    coupon: '优惠券补偿',
  },
  en: {
    return_refund: 'return and refund',
    refund_only: 'refund without return',
    partial_refund: 'partial refund',
    replacement: 'replacement',
    reship: 'reship',
    coupon: 'coupon',
  },
};

export const ACTION_LABEL: Labels<PromiseAction> = {
  zh: {
    refund: '退款',
    ship: '发货/补发',
    callback: '回电/回复',
    visit: '上门服务',
    compensate: '补偿',
    escalate: '升级/上报',
    follow_up: '跟进后回复',
    other: '其他',
  },
  en: {
    refund: 'refund',
    ship: 'ship / reship',
    callback: 'call back',
    visit: 'visit on site',
    compensate: 'compensate',
    escalate: 'escalate',
    follow_up: 'follow up',
    other: 'other',
  },
};

/** One language of a core label table; English lower case, as inside a sentence. */
const named = <K extends string>(table: Record<K, LabelPair>): Labels<K> => ({
  zh: Object.fromEntries(Object.entries<LabelPair>(table).map(([k, [zh]]) => [k, zh])) as Record<K, string>,
  en: Object.fromEntries(Object.entries<LabelPair>(table).map(([k, [, en]]) => [k, en.toLowerCase()])) as Record<
    K,
    string
  >,
});

/** Categories and severities as the dashboard names them (core/labels.ts). */
export const FLAG_LABEL: Labels<FlagCategory> = named(CATEGORY_LABELS);
export const SEVERITY_LABEL: Labels<Severity> = named(SEVERITY_LABELS);
