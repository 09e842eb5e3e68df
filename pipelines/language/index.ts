/**
 * The language layer: one analysis of each utterance (normalisation with an offset map, typed
 * masks, numbers, language, words, clauses with marks, lexicon classes) shared by every engine.
 * See docs/decisions/0100-language-layer.md.
 */
export { actorAsks, speakersOwn } from './actor.js';
export { analyzeLine, type AnalyzeOptions } from './analyze.js';
export { callLanguage, detectLanguage, LanguageTally, languagesIn } from './language-id.js';
export { requiredLiterals } from './required-literals.js';
export { type Lexicon, lexicon, loadLexicon, precompile } from './lexicon.js';
export { gateForm, LiteralGate } from './literal-gate.js';
export { type DigitRun, findDigitRuns } from './digit-runs.js';
export { digitRunsKnowledge } from './digit-runs-data.js';
export { foldWidth } from './normalize.js';
export { foldScript } from './script-fold.js';
export { spokenDigits } from './numbers.js';
export { EN_NUMBER, EN_TENS, EN_UNITS, parseEnNumber } from './numerals-en.js';
export { parseZhNumber, ZH_DIGITS, ZH_NUMBER } from './numerals-zh.js';
export { clauseEnd, QUESTION_MARK } from './marks.js';
export { regexMatches } from './regex-matches.js';
export { memoByText } from './text-memo.js';
export {
  blankMasks,
  classMatches,
  clauseAt,
  clauseHas,
  clausesOver,
  hasMark,
  hypotheticalClauses,
  lexiconClasses,
  markOf,
  negationOver,
  sentencesOf,
  spansOverlap,
} from './query.js';
export * from './types.js';
export { buildView, type TextView, toOriginalSpan, type ViewMode, viewRange } from './views.js';
