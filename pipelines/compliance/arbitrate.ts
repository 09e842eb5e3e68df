/**
 * Which category: a line read under two categories is settled by what its words do, as the
 * taxonomy's `arbitration` entries say (decision 0305). A blacklist that answers a refund request
 * obstructs the refund rather than insulting the buyer; an id on a line that names a chat app is a
 * contact even after a private payment was asked for. One implementation for every such pair: the
 * knowledge is data, this file only reads it.
 */
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type LineAnalysis, spansOverlap } from '../language/index.js';
import type { ComplianceCandidate } from './detector.js';
import { fillersOf, parseSlot, type SlotAlternative } from './frames.js';
import { type Arbitration, loadTaxonomy, type Taxonomy } from './taxonomy.js';

interface CompiledArbitration extends Arbitration {
  wordSlot: SlotAlternative[];
  aboutSlot: SlotAlternative[] | null;
  unlessSlot: SlotAlternative[] | null;
}

let compiled: { taxonomy: Taxonomy; rules: CompiledArbitration[] } | undefined;

function arbitrations(): { taxonomy: Taxonomy; rules: CompiledArbitration[] } {
  if (compiled) return compiled;
  const taxonomy = loadTaxonomy();
  const rules = taxonomy.arbitration.map((r) => ({
    ...r,
    wordSlot: parseSlot(r.words),
    aboutSlot: r.about ? parseSlot(r.about) : null,
    unlessSlot: r.unless ? parseSlot(r.unless) : null,
  }));
  compiled = { taxonomy, rules };
  return compiled;
}

const has = (a: LineAnalysis, slot: readonly SlotAlternative[]) => fillersOf(a, a.clauses, slot).length > 0;

/** The line's candidates, each accepted one moved to the category its words belong to. */
export function arbitrate(
  cs: readonly ComplianceCandidate[],
  lines: readonly TranscriptLine[],
  index: number,
): ComplianceCandidate[] {
  const { taxonomy, rules } = arbitrations();
  if (rules.length === 0 || !cs.some((c) => c.accepted)) return [...cs];
  const line = lines[index]!;
  const a = analyzeLine(line.text);
  const prior = index > 0 ? lines[index - 1]! : null;
  const before = prior ? analyzeLine(prior.text) : null;
  // The other party's line just before: the question a bare datum on this line answers.
  const asked = prior && prior.speaker !== line.speaker ? before : null;
  return cs.map((c) => {
    if (!c.accepted) return c;
    const rule = rules.find((r) => r.from === c.category && applies(r, c, cs, a, before, asked));
    if (!rule || !taxonomy.categories[rule.to].speakers.includes(c.speaker)) return c;
    return {
      ...c,
      category: rule.to,
      severity: taxonomy.categories[rule.to].severity,
      verdicts: [
        ...c.verdicts,
        {
          layer: 'rule',
          verdict: 'candidate',
          confidence: c.confidence,
          detail: { arbitration: rule.id, from: c.category },
        },
      ],
    };
  });
}

function applies(
  r: CompiledArbitration,
  c: ComplianceCandidate,
  cs: readonly ComplianceCandidate[],
  a: LineAnalysis,
  before: LineAnalysis | null,
  asked: LineAnalysis | null,
): boolean {
  const words = fillersOf(a, a.clauses, r.wordSlot);
  const read = r.where === 'span' ? words.filter((f) => spansOverlap(f.span, c.span)) : words;
  // Words found only in the question answered: that line's words must not name the other act either.
  const from = read.length > 0 ? [a] : r.where === 'answer' && asked && has(asked, r.wordSlot) ? [a, asked] : [];
  if (from.length === 0) return false;
  if (r.unlessSlot && from.some((x) => has(x, r.unlessSlot!))) return false;
  if (r.aboutSlot && !has(a, r.aboutSlot) && !(before && has(before, r.aboutSlot))) return false;
  if (r.beside === 'span') return cs.some((o) => o.accepted && o.category === r.to && spansOverlap(o.span, c.span));
  if (r.beside === 'line') return cs.some((o) => o.accepted && o.category === r.to);
  return true;
}
