/**
 * What a suggestion to a merchant must never contain: moving the buyer off the platform (contact
 * details, private chat apps, direct transfers) or trading refunds for reviews. Payment methods
 * (微信支付, WeChat Pay) are where refunds land, not contact exchange, so they pass. Checked on every
 * LLM suggestion; the offline templates are written never to trip it (a test holds them to it).
 */
const UNSAFE: RegExp[] = [
  /微信(?!支付|零钱|钱包)|vx|v信|威信|QQ|加我|加个好友|私聊|私信我|电话|手机号|打给我|线下|私下|转账|打款到|银行卡号|支付宝账号|收款码/i,
  /wechat(?! ?pay)|whatsapp|telegram|line id|phone number|call me|text me|my number|e-?mail me|bank transfer|wire (it|the money)|pay (me )?directly|outside (of )?(the )?(platform|app|store)|paypal|venmo|zelle|cash app/i,
  /好评|删评|追评|差评.{0,6}(删|改)|(good|positive|5-star|five-star) review|(remove|delete|change) (your|the) review/i,
];

// Phone numbers (mainland mobile, US style); long order numbers are fine.
const PHONE = [/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/, /(?<!\d)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/];

export function containsPhoneNumber(text: string): boolean {
  return PHONE.some((re) => re.test(text));
}

export function isSafeSuggestion(text: string): boolean {
  return !UNSAFE.some((re) => re.test(text)) && !containsPhoneNumber(text);
}
