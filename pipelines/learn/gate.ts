/**
 * Where the trained layer may flag at all, read off the language layer, per group of categories
 * (privacy/contact/payment, refund obstruction, prohibited claims): the line names one of the
 * group's datum classes (or, for PCP, holds a masked phone/handle/e-mail/link), no clause the
 * evidence touches carries a blocking mark or class (negation, quotation, question…), and the line
 * holds no class that blocks the group anywhere (a warning; checkout or the app's own page for
 * PCP; a lawful reason for a refusal). The gates are the model file's `gates`, chosen by held-out
 * figures (eval/learn/README.md).
 */
import { actorAsks, analyzeLine, type LineAnalysis, type Span, speakersOwn, spansOverlap } from '../language/index.js';

export interface Gate {
  /** The flag categories this gate (and one held-out threshold) covers. */
  categories: readonly string[];
  datum: readonly string[];
  /** Marks or classes that block a flag in a clause the evidence touches. */
  block: readonly string[];
  /** Classes that block a flag anywhere in the line. */
  blockLine: readonly string[];
  /**
   * Whether the model may also veto the rules' flags of these categories (decision 0575): a flag on
   * a line naming one of the gate's datum classes that the model scores under the category's veto
   * threshold is dropped, kept as a rejected candidate with its score and the model's name.
   */
  veto?: boolean;
  /**
   * Lines the rules already read in this gate (decision 0690): the layer adds no flag of the gate's
   * categories on a line where a rule's candidate of one of them was accepted ("accepted": the rules'
   * reading of the act stands, a second reading of the same words is not raised) or vetoed by the
   * rule's own context ("vetoed": a negative frame — a lawful look-alike, a negation, a warning —
   * covers the line). Absent: only the flagged or vetoed category itself is taken.
   */
  ruleReads?: readonly ('accepted' | 'vetoed')[];
  /**
   * What the line must do for the layer to flag a category (decision 0765), per category: one of
   * these — a class, `mark:<kind>` (a request, a question, a condition) or `mask:<kind>` — anywhere in
   * the line. A privacy request asks: a line that only names a datum (the shop sending the buyer a
   * code itself, "I'm sending a verification code to your phone") does none of the asking words. A
   * category without an entry: any line naming the gate's datum.
   */
  acts?: Readonly<Record<string, readonly string[]>>;
}

/** The gate covering `category`, or undefined when no gate (so no model) covers it. */
export function gateOf<G extends Gate>(gates: Readonly<Record<string, G>>, category: string): G | undefined {
  return Object.values(gates).find((g) => g.categories.includes(category));
}

/**
 * Of the layer's flags on one line, the most probable per gate (decision 0500): the categories of a
 * gate are readings of one act ("send your Alipay account and real name" is a payment route or a
 * datum asked for, not both), and the rules, not the layer, raise a second reading. Ties keep the
 * earlier flag. `key` says which line a flag is on (for flags of many lines at once).
 */
export function strongestPerGate<T extends { category: string }>(
  flags: readonly T[],
  gates: Readonly<Record<string, Gate>>,
  p: (flag: T) => number,
  key: (flag: T) => string = () => '',
): T[] {
  const best = new Map<string, T>();
  for (const f of flags) {
    const g = `${key(f)}>${gateOf(gates, f.category)?.categories[0] ?? f.category}`;
    const held = best.get(g);
    if (!held || p(f) > p(held)) best.set(g, f);
  }
  const kept = new Set(best.values());
  return flags.filter((f) => kept.has(f));
}

/** A rule's candidate on a line, as the learned layer sees it: its category, accepted or vetoed. */
export interface RuleReading {
  category: string;
  state: 'accepted' | 'vetoed';
}

/**
 * Whether the rules' candidates on a line (`read`: each category with whether it was accepted or
 * vetoed by a rule) close the line to the gate's learned flags (`ruleReads`, decision 0690).
 */
export function readByRules(gate: Gate, read: readonly RuleReading[]): boolean {
  const how = gate.ruleReads ?? [];
  return read.some((r) => how.includes(r.state) && gate.categories.includes(r.category));
}

/** Class names and `mask:<kind>` present anywhere in the line. */
function names(a: LineAnalysis): Set<string> {
  const out = new Set<string>(a.matches.map((m) => m.class));
  for (const m of a.masks) out.add(`mask:${m.kind}`);
  return out;
}

/**
 * Whether a rule's flag on the line `text` is vetoed (decision 0575): the gate allows vetoes, the
 * category has a veto `threshold`, the line names one of the gate's datum classes (an answer that
 * carries the act of the line before, 可以的亲, names none and is never vetoed: its words are not
 * where that act is) and the category's model scores the line (`score`, read only then) under it.
 */
export function vetoes(gate: Gate | undefined, threshold: number | undefined, text: string, score: () => number) {
  return !!gate?.veto && threshold !== undefined && hasDatum(text, gate) && score() < threshold;
}

export function hasDatum(text: string, gate: Gate): boolean {
  const present = names(analyzeLine(text));
  return gate.datum.some((d) => present.has(d));
}

/** Whether the line holds one of the gate's `acts` for `category` (class, `mark:<kind>`, `mask:<kind>`), or it names none. */
export function acts(text: string, gate: Gate, category: string): boolean {
  const wanted = gate.acts?.[category];
  if (!wanted) return true;
  const a = analyzeLine(text);
  const present = names(a);
  for (const c of a.clauses) for (const m of c.marks) present.add(`mark:${m.kind}`);
  // An asking word the speaker's own doer governs (小妹这边帮您核对一下) asks nothing (decision 0790):
  // it opens the gate only when it is also said outside it.
  const asks = actorAsks();
  const asked = (x: string) =>
    a.clauses.some((c) =>
      x.startsWith('mark:')
        ? c.marks.some((m) => `mark:${m.kind}` === x && !speakersOwn(c.actor, m.nspan))
        : c.matches.some((m) => m.class === x && !speakersOwn(c.actor, m.nspan)),
    );
  return wanted.some((x) => present.has(x) && (!asks.has(x) || asked(x)));
}

/** Whether the layer may flag `category` on the line at all: it names the gate's datum and does one of the category's acts. */
export const opens = (text: string, gate: Gate, category: string): boolean =>
  hasDatum(text, gate) && acts(text, gate, category);

export function blocked(text: string, span: Span, gate: Gate): boolean {
  return blockedBy(text, span, gate) !== null;
}

/** What blocks a flag with evidence `span` ("blockLine <class>" or "block <mark or class>"), or null. */
export function blockedBy(text: string, span: Span, gate: Gate): string | null {
  const a = analyzeLine(text);
  const line = a.matches.find((m) => gate.blockLine.includes(m.class));
  if (line) return `blockLine ${line.class}`;
  for (const c of a.clauses) {
    if (!spansOverlap(c.span, span)) continue;
    const mark = c.marks.find((m) => gate.block.includes(m.kind));
    if (mark) return `block ${mark.kind}`;
    const cls = c.matches.find((m) => gate.block.includes(m.class));
    if (cls) return `block ${cls.class}`;
  }
  return null;
}
