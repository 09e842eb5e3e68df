import type { FlagCategory } from '../../core/domain.js';

/** What the bot whispers to the merchant when their own words raise a flag. */
const MESSAGES: Record<FlagCategory, { zh: string; en: string }> = {
  off_platform_payment: {
    zh: '引导买家站外付款会被平台判定违规，本段通话将进入审核。请通过平台完成支付与退款。',
    en: 'Asking for payment outside the platform breaks its rules; this call will be reviewed. Keep payment and refunds on the platform.',
  },
  contact_exchange: {
    zh: '索要或留下微信、电话等联系方式会把买家引到站外，本段通话将进入审核。请在平台内沟通。',
    en: 'Swapping WeChat, phone or other contacts moves the buyer off-platform; this call will be reviewed. Keep talking on the platform.',
  },
  review_manipulation: {
    zh: '以返现、补偿换好评或删差评属于评价操纵，本段通话将进入审核。',
    en: 'Offering money or favours for reviews (or for deleting one) is review manipulation; this call will be reviewed.',
  },
  abuse: {
    zh: '请保持礼貌：辱骂或威胁会被记录并审核。',
    en: 'Please stay courteous: insults or threats are recorded and reviewed.',
  },
  privacy_request: {
    zh: '不要索要身份证号、银行卡号、密码或验证码，本段通话将进入审核。',
    en: 'Never ask for ID, bank card numbers, passwords or verification codes; this call will be reviewed.',
  },
  prohibited_claim: {
    zh: '避免“根治”“百分百”等绝对化或疗效承诺，这类说法违反广告与平台规则。',
    en: 'Avoid absolute guarantees or cure claims; they break advertising and platform rules.',
  },
  refund_obstruction: {
    zh: '符合规则的退货退款不能拒绝或威胁买家，本段通话将进入审核。可参考右侧的退款方案。',
    en: 'A lawful return or refund cannot be refused or met with threats; this call will be reviewed. See the refund options.',
  },
};

export function coachingMessage(category: FlagCategory, language: 'zh' | 'en'): string {
  return MESSAGES[category][language];
}
