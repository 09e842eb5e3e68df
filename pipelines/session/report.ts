import type { Utterance } from '../../core/events.js';
import type { CallFindings } from './analyzers.js';

/**
 * The `kefu analyze --json` object (README, "kefu analyze"). The first-level fields and the
 * fields the README lists inside them are a stable contract; further fields may be added.
 */
export function analysisJson(findings: CallFindings, summary: string) {
  return {
    orderNumbers: findings.orderNumbers.map((o) => o.value),
    orderNumberDetails: findings.orderNumbers,
    amounts: findings.amounts,
    products: findings.products,
    promises: findings.promises,
    flags: findings.flags,
    suggestions: findings.suggestions,
    refundOptions: findings.refundOptions,
    summary,
  };
}

/** `kefu replay --json`: the analysis plus the transcript as heard. */
export function replayJson(findings: CallFindings, summary: string, utterances: readonly Utterance[]) {
  return {
    ...analysisJson(findings, summary),
    utterances: utterances.map(({ speaker, text, startMs, endMs, engine, confidence }) => ({
      speaker,
      text,
      startMs,
      endMs,
      engine,
      confidence,
    })),
  };
}

const time = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** The same content for a person reading a terminal. */
export function analysisText(
  findings: CallFindings,
  summary: string,
  lines: readonly { text: string; startMs: number }[],
): string {
  const out: string[] = [];
  const section = (title: string, rows: string[]) => {
    out.push(`${title} (${rows.length})`);
    out.push(...(rows.length ? rows.map((r) => `  ${r}`) : ['  —']));
    out.push('');
  };
  const at = (i: number) => `#${i} ${time(lines[i]?.startMs ?? 0)}`;
  section(
    'Order numbers',
    findings.orderNumbers.map(
      (o) =>
        `${o.value}  ${o.matched === null ? '' : o.matched ? 'matches an order' : 'NOT in orders'}  (${at(o.utterance)})`,
    ),
  );
  section(
    'Amounts',
    findings.amounts.map((a) => `${a.value} ${a.currency}  (${at(a.utterance)})`),
  );
  section(
    'Products',
    findings.products.map((p) => `${p.name}  (${at(p.utterance)})`),
  );
  section(
    'Promises',
    findings.promises.map(
      (p) =>
        `${p.speaker} · ${p.action} · due ${p.deadline ?? 'no time given'}${p.conditional ? ' · conditional' : ''}: "${p.text}"  (${at(p.utterance)})`,
    ),
  );
  section(
    'Flags',
    findings.flags.map(
      (f) =>
        `[${f.severity}] ${f.category} by ${f.speaker}: "${f.evidence}" chars ${f.span[0]}–${f.span[1]}, rule ${f.rule}, ${f.detector}, confidence ${f.confidence.toFixed(2)}  (${at(f.utterance)})`,
    ),
  );
  section(
    'Refund options',
    findings.refundOptions.map(
      (o) => `${o.recommended ? '★ ' : ''}${o.kind} ${o.amount} ${o.currency} — ${o.policy}: ${o.rationale}`,
    ),
  );
  section(
    'Suggestions',
    findings.suggestions.map((s) => `after ${at(s.afterUtterance)}: ${s.text}  [${s.policies.join(', ')}]`),
  );
  out.push('Summary', `  ${summary}`);
  return out.join('\n');
}
