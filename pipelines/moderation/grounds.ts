import type { ModerationCategory } from '../../core/domain.js';

/**
 * The contractual ground for each category, as the merchant reads it in a statement of reasons,
 * and the DSA Transparency Database category it maps to.
 */
export const GROUNDS: Record<ModerationCategory, { zh: string; en: string; dsaCategory: string }> = {
  off_platform_payment: {
    zh: '平台规则：禁止引导买家在平台外付款或退款。',
    en: 'Platform rules: merchants must not steer buyers to pay or be refunded off the platform.',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  },
  contact_exchange: {
    zh: '平台规则：禁止索要或提供站外联系方式（微信、QQ、电话等）。',
    en: 'Platform rules: merchants must not ask for or give off-platform contact details (WeChat, phone…).',
    dsaCategory: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  },
  review_manipulation: {
    zh: '平台规则：禁止以返现、好处换取好评或删除差评。',
    en: 'Platform rules: merchants must not trade cash-back or favours for good reviews or removed bad ones.',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  },
  abuse: {
    zh: '平台规则：禁止辱骂、威胁买家。',
    en: 'Platform rules: merchants must not insult or threaten buyers.',
    dsaCategory: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  },
  privacy_request: {
    zh: '平台规则：禁止索要与订单无关的个人信息。',
    en: 'Platform rules: merchants must not ask for personal data the order does not need.',
    dsaCategory: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  },
  prohibited_claim: {
    zh: '平台规则：禁止虚假或违禁的商品宣传。',
    en: 'Platform rules: merchants must not make false or prohibited product claims.',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  },
  refund_obstruction: {
    zh: '平台规则：不得拒绝或阻挠买家依规申请退款、退货。',
    en: 'Platform rules: merchants must not refuse or obstruct refunds and returns the rules allow.',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  },
  broken_promise: {
    zh: '平台规则：商家在通话中对买家作出的售后承诺（退款、发货、回电、上门、补偿）须在承诺时限内兑现。',
    en: 'Platform rules: an after-sales promise a merchant makes to a buyer on a call (refund, shipment, call-back, visit, compensation) must be kept in time.',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  },
};
