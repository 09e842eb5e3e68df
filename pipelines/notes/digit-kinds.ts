import type { DigitRun } from './digit-runs.js';

/** What a run of digits in a call most likely is. Only `order` becomes an order-number note. */
export type DigitKind = 'order' | 'tracking' | 'phone' | 'account' | 'amount' | 'number';

type Cue = Exclude<DigitKind, 'amount' | 'number'>;

// Longer phrases first: at one position the regex takes the first alternative that matches,
// so 快递单号 is tracking before 单号 can be read as order.
const CUES: readonly [Cue, string, string][] = [
  [
    'tracking',
    '快递单号|运单号码?|物流单号|快递号|物流号|运单|面单|快递|物流|顺丰|圆通|中通|申通|韵达|极兔|邮政|德邦|百世',
    'tracking(?:\\s*(?:number|no\\.?|#|id|code))?|waybill|courier|shipment\\s+number|fedex|dhl|usps|ups',
  ],
  ['order', '订单号码?|订单编号|订单|单号', 'order\\s*(?:number|no\\.?|num|id|#)|order'],
  [
    'phone',
    '手机号码?|电话号码?|手机|电话|座机|联系方式|号码',
    'telephone|phone(?:\\s*number)?|mobile|cell|(?:call|text|ring|reach|message)\\s+me(?:\\s+(?:back\\s+)?(?:at|on))?|(?:a|me\\s+a)\\s+(?:text|call|ring)\\s+(?:at|on)|my\\s+number|contact\\s+number|whatsapp',
  ],
  [
    'account',
    '身份证号?|银行卡号?|卡号|账号|账户|支付宝|微信号?|qq号?|验证码|密码|取件码|邮编|条形码|条码|序列号|SN码?|型号|批次号?|箱标|标签',
    'id\\s+card|card\\s+number|account(?:\\s+number)?|bank|verification\\s+code|passcode|password|zip\\s*code|postcode|wechat|(?:box|shipping|package)\\s+label|barcode|serial(?:\\s+number)?|sku|model\\s+number|batch(?:\\s+number)?|lot\\s+number',
  ],
];
const CUE = new RegExp(CUES.map(([kind, zh, en]) => `(?<${kind}>${zh}|\\b(?:${en})\\b)`).join('|'), 'gi');

// A carrier code right before the digits (SF1234…, "JT 5678…", spelled "S F"): a waybill.
const CARRIER_PREFIX =
  /(?:^|[^A-Za-z])(?:S\s?F|Y\s?T|J\s?T|Z\s?T\s?O?|Y\s?D|S\s?T\s?O|E\s?M\s?S|JD[A-Z]{0,2}|DPK|HTKY|YUNDA|1Z)\s*$/i;
const UNIT_AFTER =
  /^\s*(?:[元块圆毛角个件箱斤盒包瓶袋台只双套条张月日岁天周%]|小时|分钟|买的|买了|拍的|入手|付的|dollars?|bucks?|cents?|usd|rmb|yuan|items?|boxes?|pcs|pieces?|days?|hours?|years?|percent)/i;
const PHONE_CHUNKS = ['3,4,4', '3,3,4', '1,3,3,4', '2,3,4,4', '3,8', '4,8', '4,7', '2,11'];

function isPhoneShape(run: DigitRun): boolean {
  return /^(?:86)?1[3-9]\d{9}$/.test(run.digits) || PHONE_CHUNKS.includes(run.chunks.join(','));
}

interface CueHit {
  kind: Cue;
  start: number;
  end: number;
}

function cues(text: string): CueHit[] {
  return [...text.matchAll(CUE)].map((m) => ({
    kind: CUES.find(([k]) => m.groups?.[k] !== undefined)![0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The cue word that speaks about `run`: the nearest one before it (within 30 characters, with no
 * other number in between), else one right after it ("…是我的订单号"), else the last cue of the
 * previous line when this line has none (merchant: "您的订单号是多少？" buyer: "240611…").
 * `inLine` is false when the cue was borrowed from the previous line.
 */
function cueFor(
  text: string,
  runs: readonly DigitRun[],
  i: number,
  previous: string | undefined,
): { cue: Cue | null; inLine: boolean } {
  const run = runs[i]!;
  const hits = cues(text);
  const lowerBound = Math.max(runs[i - 1]?.end ?? 0, run.start - 30);
  const before = hits.filter((h) => h.end <= run.start && h.start >= lowerBound).at(-1);
  if (before) return { cue: before.kind, inLine: true };
  const upperBound = Math.min(runs[i + 1]?.start ?? Infinity, run.end + 16);
  const after = hits.find((h) => h.start >= run.end && h.end <= upperBound);
  if (after) return { cue: after.kind, inLine: true };
  if (hits.length > 0 || previous === undefined) return { cue: null, inLine: true };
  return { cue: cues(previous).at(-1)?.kind ?? null, inLine: false };
}

/** Classifies each run of one line; `previous` is the line before it, for question-and-answer cues. */
export function classifyDigitRuns(text: string, runs: readonly DigitRun[], previous?: string): DigitKind[] {
  const found = runs.map((_, i) => cueFor(text, runs, i, previous));
  // "FC-2026…, no, that's the label. The order number is 5560…": once the line names its order
  // number, a number without a cue of its own is something else.
  const namedOrder = found.some((f, i) => f.cue === 'order' && f.inLine && runs[i]!.digits.length >= 10);
  return runs.map((run, i) => {
    const before = text.slice(0, run.start);
    const after = text.slice(run.end);
    if (CARRIER_PREFIX.test(before)) return 'tracking';
    // A letter code glued on ("AB1234", "FC-2026…"): a label or account code, not a bare order number.
    if (/[A-Za-z][-‐‑–]?$/.test(before) || /^[A-Za-z]/.test(after)) return 'account';
    if (/\+\s*$/.test(before)) return 'phone';
    if (/[¥￥$]\s*$/.test(before) || UNIT_AFTER.test(after)) return 'amount';
    const length = run.digits.length;
    const orderLength = length >= 10 && length <= 24;
    const { cue, inLine } = found[i]!;
    if (cue === 'tracking' || cue === 'account') return cue;
    // A US-grouped phone ("312 555 0147") in reply to an order question is still a phone.
    if (!inLine && isPhoneShape(run) && run.chunks.length > 1) return 'phone';
    if (cue === 'order') return orderLength ? 'order' : 'number';
    // A phone cue with a number that cannot be a phone falls through: "订单号和电话是 X 和 Y".
    if (cue === 'phone' && (isPhoneShape(run) || (length >= 7 && length <= 13))) return 'phone';
    if (isPhoneShape(run)) return 'phone';
    if (cue === null && namedOrder) return 'number';
    return orderLength ? 'order' : 'number';
  });
}
