import type { ModerationCategory, Severity } from './domain.js';

/** A name in Chinese and in English. */
export type LabelPair = readonly [zh: string, en: string];

/**
 * What a flag's category and severity are called. The dashboard's label catalogue and the
 * summarizer's text both read these, so a call's summary and its list of flags name a category
 * the same way ("索要站外联系方式", not "交换联系方式" in one and the other in the next line).
 */
export const CATEGORY_LABELS = {
  off_platform_payment: ['引导站外付款', 'Off-platform payment'],
  contact_exchange: ['索要站外联系方式', 'Off-platform contact'],
  review_manipulation: ['操纵评价', 'Review manipulation'],
  abuse: ['辱骂威胁', 'Abuse'],
  privacy_request: ['索要个人信息', 'Personal-data request'],
  prohibited_claim: ['违规宣传', 'Prohibited claim'],
  refund_obstruction: ['阻挠退款', 'Refund obstruction'],
  broken_promise: ['承诺未兑现', 'Broken promise'],
} as const satisfies Record<ModerationCategory, LabelPair>;

export const SEVERITY_LABELS = {
  low: ['低', 'Low'],
  medium: ['中', 'Medium'],
  high: ['高', 'High'],
  critical: ['严重', 'Critical'],
} as const satisfies Record<Severity, LabelPair>;
