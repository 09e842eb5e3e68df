import { assessIssue } from '../suggest/issue.js';
import { GOODS_OPTION_KINDS } from '../../core/analysis.js';
import { formatMoney } from '../suggest/refund-text.js';
import { ACTION_LABEL, FLAG_LABEL, ISSUE_LABEL, OPTION_LABEL, SEVERITY_LABEL } from './labels.js';
import type { Summarizer, SummaryInput } from './summarizer.js';

/**
 * The template summary: issue, resolution (merchant's refund/ship promises, else the recommended
 * refund option), open promises with deadlines, compliance flags. Facts only, no transcript
 * quotes, so nothing personal is copied into it beyond the order number.
 */
export function summarizeCall(input: SummaryInput): string {
  const { language: lang, lines } = input;
  const zh = lang === 'zh';
  const issue = lines.length > 0 ? assessIssue(lines, lines.length - 1, { reading: input.reading }) : null;
  const order = input.orderNumbers?.find((n) => n.matched)?.value ?? input.orderNumbers?.[0]?.value;

  const issueText = issue
    ? `${ISSUE_LABEL[lang][issue.kind]}${issue.count && issue.total ? (zh ? `（${issue.total}件中${issue.count}件）` : ` (${issue.count} of ${issue.total})`) : ''}`
    : zh
      ? '未明确'
      : 'not stated';
  const parts = [
    zh
      ? `问题：${issueText}${order ? `，订单 ${order}` : ''}。`
      : `Issue: ${issueText}${order ? `, order ${order}` : ''}.`,
  ];

  const recommended = input.refundOptions.find((o) => o.recommended);
  // An amount not known yet is said to be confirmed; a 0 that isn't (a free replacement) is left out.
  // Goods sent again are worth their amount, not paid it: said as such, and left out when unknown.
  const money = (o: typeof recommended & object) => {
    if (GOODS_OPTION_KINDS.has(o.kind)) {
      if (o.amountToBeConfirmed || o.amount <= 0) return '';
      const worth = formatMoney(o.amount, o.currency, lang);
      return zh ? `，货值 ${worth}` : `, goods worth ${worth}`;
    }
    const sum = o.amountToBeConfirmed
      ? formatMoney(null, o.currency, lang)
      : o.amount > 0
        ? formatMoney(o.amount, o.currency, lang)
        : '';
    return sum && (zh ? ` ${sum}` : ` of ${sum}`);
  };
  const resolution = recommended
    ? zh
      ? `建议方案为${OPTION_LABEL.zh[recommended.kind]}${money(recommended)}（依据 ${recommended.policy}）`
      : `recommended ${OPTION_LABEL.en[recommended.kind]}${money(recommended)} (per ${recommended.policy})`
    : zh
      ? '无适用的退款方案'
      : 'no refund option applied';
  parts.push(zh ? `处理：${resolution}。` : `Resolution: ${resolution}.`);

  const promises = input.promises.map((p) => {
    const who = zh ? (p.speaker === 'merchant' ? '商家' : '顾客') : p.speaker;
    const when = p.deadline ? (zh ? `${p.deadline}前` : `by ${p.deadline}`) : zh ? '未定时间' : 'no deadline';
    const cond = p.conditional ? (zh ? '，有条件' : ', conditional') : '';
    return zh
      ? `${who}${ACTION_LABEL.zh[p.action]}（${when}${cond}）`
      : `${who} to ${ACTION_LABEL.en[p.action]} (${when}${cond})`;
  });
  parts.push(zh ? `待办承诺：${promises.join('；') || '无'}。` : `Open promises: ${promises.join('; ') || 'none'}.`);

  const counts = new Map<string, number>();
  for (const f of input.flags) {
    const key = `${FLAG_LABEL[lang][f.category]}${zh ? `（${SEVERITY_LABEL.zh[f.severity]}）` : ` (${f.severity})`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const flags = [...counts].map(([k, n]) => (n > 1 ? `${k}×${n}` : k));
  parts.push(zh ? `合规：${flags.join('；') || '无风险提示'}。` : `Flags: ${flags.join('; ') || 'none'}.`);
  return parts.join(zh ? '' : ' ');
}

export class OfflineSummarizer implements Summarizer {
  readonly name = 'offline-template';

  async summarize(input: SummaryInput): Promise<string> {
    return summarizeCall(input);
  }
}
