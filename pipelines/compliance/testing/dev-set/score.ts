import type { FlagCategory } from '../../../../core/domain.js';
import type { ComplianceDetector } from '../../detector.js';
import { toLines } from '../cases.js';
import type { DevCase } from './dsl.js';

export interface CategoryScore {
  category: FlagCategory;
  language: 'zh' | 'en';
  violations: number;
  found: number;
  negatives: number;
  /** Negatives of this set with any flag at all. */
  falselyFlagged: number;
  /** Flags of this category on fragments that do not expect it (from any set). */
  wrongFlags: number;
  recall: number;
  precision: number;
}

export interface CaseOutcome {
  case: DevCase;
  ok: boolean;
  flags: { category: FlagCategory; label: string }[];
}

/** Runs every fragment through the detector: the case passes when its last line flags exactly as labelled. */
export async function runDevSet(detector: ComplianceDetector, cases: readonly DevCase[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (const c of cases) {
    const lines = toLines(c);
    const flags = await detector.detect(lines);
    const last = flags.filter((f) => f.utterance === lines.length - 1);
    const ok = c.expect === null ? flags.length === 0 : last.some((f) => f.category === c.expect);
    out.push({
      case: c,
      ok,
      flags: flags.map((f) => ({ category: f.category, label: `${f.rule} "${f.evidence}"` })),
    });
  }
  return out;
}

export function scoreDevSet(outcomes: readonly CaseOutcome[]): CategoryScore[] {
  const groups = new Map<string, CategoryScore>();
  for (const { case: c } of outcomes) {
    const key = `${c.category}/${c.language}`;
    if (!groups.has(key)) {
      groups.set(key, {
        category: c.category,
        language: c.language,
        violations: 0,
        found: 0,
        negatives: 0,
        falselyFlagged: 0,
        wrongFlags: 0,
        recall: 0,
        precision: 0,
      });
    }
  }
  for (const o of outcomes) {
    const s = groups.get(`${o.case.category}/${o.case.language}`)!;
    if (o.case.expect) {
      s.violations++;
      if (o.ok) s.found++;
    } else {
      s.negatives++;
      if (!o.ok) s.falselyFlagged++;
    }
    // A flag of category X where X was not expected counts against X's precision.
    for (const f of o.flags) {
      const t = groups.get(`${f.category}/${o.case.language}`);
      if (t && f.category !== o.case.expect) t.wrongFlags++;
    }
  }
  for (const s of groups.values()) {
    s.recall = s.violations ? s.found / s.violations : 1;
    s.precision = s.found + s.wrongFlags ? s.found / (s.found + s.wrongFlags) : 1;
  }
  return [...groups.values()];
}
