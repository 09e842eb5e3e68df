/**
 * Context checks that veto a rule match. False flags cost merchants money, so a match is vetoed
 * when it is negated ("不要加微信", "never pay outside the platform"), when the speaker is warning
 * about or reporting someone else ("有人让你加微信都是骗子"), or when a rule's own exclusion fits
 * ("微信支付" is the platform's checkout, not a contact).
 */
import type { TranscriptLine } from '../../core/domain.js';
import type { CompiledRule } from './load-rules.js';
import { buildView, type TextView } from './text-view.js';

export interface Veto {
  reason: 'negation' | 'reporting' | 'exclusion';
  cue: string;
}

export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** Start and end (in the view) of the clause holding [s, e). */
function clauseAround(view: TextView, rule: CompiledRule, s: number, e: number): [number, number] {
  let from = 0;
  let to = view.text.length;
  for (const m of view.text.matchAll(rule.context.clauseBreak)) {
    const at = m.index;
    if (at < s) from = at + m[0].length;
    else if (at >= e) {
      to = at;
      break;
    }
  }
  return [from, to];
}

export function findVeto(
  rule: CompiledRule,
  view: TextView,
  s: number,
  e: number,
  lines: readonly TranscriptLine[],
  index: number,
): Veto | null {
  const text = view.text;
  // Cue words inside the speaker's own accusation ("report you for fraud") are not cues.
  const cued = unaccused(rule, text);
  const [clauseStart, clauseEnd] = clauseAround(view, rule, s, e);
  const before = text.slice(Math.max(clauseStart, s - rule.context.negationWindow), s);
  const after = cued.slice(e, Math.min(clauseEnd, e + rule.context.afterWindow));
  const hit = (res: RegExp[], t: string) => res.map((re) => firstMatch(re, t)?.[0]).find((m) => m !== undefined);

  for (const x of rule.exclusions) {
    const scope =
      x.where === 'before'
        ? text.slice(Math.max(0, s - x.window), s)
        : x.where === 'after'
          ? text.slice(e, e + x.window)
          : x.where === 'utterance'
            ? text
            : previousOther(lines, index, rule);
    const m = firstMatch(x.pattern, scope);
    if (m) return { reason: 'exclusion', cue: m[0] };
  }
  if (rule.reporting) {
    // A warning often spans two turns ("Scammers are everywhere." / "They'll ask for your code.").
    const prev = lines[index - 1];
    const shifted = rule.context.topicShift.some((re) => firstMatch(re, text.trimStart()));
    const prevText =
      prev && prev.speaker === lines[index]!.speaker && !shifted ? buildView(prev.text, rule.view).text : '';
    const cue = hit(rule.context.reporting, cued) ?? hit(rule.context.reporting, unaccused(rule, prevText));
    if (cue !== undefined) return { reason: 'reporting', cue };
  }
  if (rule.negation) {
    const cue = hit(rule.context.negation, before) ?? hit(rule.context.negationAfter, after);
    if (cue !== undefined) return { reason: 'negation', cue };
  }
  return null;
}

/**
 * The text with the speaker's own accusations blanked out: "I'll report you for fraud" is a threat
 * against the other party, and its "fraud" is no sign of a warning about someone else.
 */
function unaccused(rule: CompiledRule, text: string): string {
  let out = text;
  for (const re of rule.context.accusation) {
    re.lastIndex = 0;
    out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}

function previousOther(lines: readonly TranscriptLine[], index: number, rule: CompiledRule): string {
  const speaker = lines[index]!.speaker;
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const line = lines[i]!;
    if (line.speaker !== speaker) return buildView(line.text, rule.view).text;
  }
  return '';
}
