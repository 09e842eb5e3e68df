/**
 * Where the trained layer may flag at all, read off the language layer, per group of categories
 * (privacy/contact/payment, refund obstruction, prohibited claims): the line names one of the
 * group's datum classes (or, for PCP, holds a masked phone/handle/e-mail/link), no clause the
 * evidence touches carries a blocking mark or class (negation, quotation, question…), and the line
 * holds no class that blocks the group anywhere (a warning; checkout or the app's own page for
 * PCP; a lawful reason for a refusal). The gates are the model file's `gates`, chosen by held-out
 * figures (eval/learn/README.md).
 */
import { analyzeLine, type LineAnalysis, type Span, spansOverlap } from '../language/index.js';

export interface Gate {
  /** The flag categories this gate (and one held-out threshold) covers. */
  categories: readonly string[];
  datum: readonly string[];
  /** Marks or classes that block a flag in a clause the evidence touches. */
  block: readonly string[];
  /** Classes that block a flag anywhere in the line. */
  blockLine: readonly string[];
}

/** The gate covering `category`, or undefined when no gate (so no model) covers it. */
export function gateOf(gates: Readonly<Record<string, Gate>>, category: string): Gate | undefined {
  return Object.values(gates).find((g) => g.categories.includes(category));
}

/** Class names and `mask:<kind>` present anywhere in the line. */
function names(a: LineAnalysis): Set<string> {
  const out = new Set<string>(a.matches.map((m) => m.class));
  for (const m of a.masks) out.add(`mask:${m.kind}`);
  return out;
}

export function hasDatum(text: string, gate: Gate): boolean {
  const present = names(analyzeLine(text));
  return gate.datum.some((d) => present.has(d));
}

export function blocked(text: string, span: Span, gate: Gate): boolean {
  const a = analyzeLine(text);
  if (a.matches.some((m) => gate.blockLine.includes(m.class))) return true;
  for (const c of a.clauses) {
    if (!spansOverlap(c.span, span)) continue;
    if (c.marks.some((m) => gate.block.includes(m.kind))) return true;
    if (c.matches.some((m) => gate.block.includes(m.class))) return true;
  }
  return false;
}
