/**
 * Context checks that veto a rule match. False flags cost merchants money, so a match is vetoed
 * when it is negated ("不要加微信", "never pay outside the platform"), when the speaker is warning
 * about or reporting someone else ("有人让你加微信都是骗子"), or when a rule's own exclusion fits
 * ("微信支付" is the platform's checkout, not a contact).
 */
import type { TranscriptLine } from '../../core/domain.js';
import type { CompiledRule } from './load-rules.js';
import { analyzeLine, buildView, clausesOver, negationOver, type TextView, viewRange } from '../language/index.js';

export interface Veto {
  reason: 'negation' | 'reporting' | 'exclusion';
  cue: string;
}

export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** Start and end (in the view) of the clauses holding [s, e), from the language layer. */
function clauseAround(view: TextView, text: string, s: number, e: number): [number, number] {
  const around = clausesOver(analyzeLine(text), [view.start[s]!, view.end[e - 1]!]);
  if (around.length === 0) return [0, view.text.length];
  return [viewRange(view, around[0]!.span)[0], viewRange(view, around.at(-1)!.span)[1]];
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
  const said = lines[index]!.text;
  const [, clauseEnd] = clauseAround(view, said, s, e);
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
    // The layer's negation scope, if its cue sits close enough before the match to govern it.
    const span: [number, number] = [view.start[s]!, view.end[e - 1]!];
    const neg = negationOver(analyzeLine(said), span);
    const near = neg && span[0] - neg.span[1] <= rule.context.negationWindow;
    const cue = near ? said.slice(...neg.span) : hit(rule.context.negationAfter, after);
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
