/**
 * Where the trained layer may flag at all, read off the language layer: the line names a datum,
 * channel or payment class (or holds a masked phone/handle/e-mail/link), and no clause the
 * evidence touches carries a blocking mark or class (negation, quotation, warning), and the line
 * does not place the act on the platform itself (checkout, the app's own page). The lists are
 * the model file's `gate`, chosen by held-out figures (eval/learn/README.md).
 */
import { analyzeLine, type LineAnalysis, type Span, spansOverlap } from '../language/index.js';

export interface Gate {
  datum: readonly string[];
  /** Marks or classes that block a flag in a clause the evidence touches. */
  block: readonly string[];
  /** Classes that block a flag anywhere in the line (paying or typing it on the platform itself). */
  blockLine: readonly string[];
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
