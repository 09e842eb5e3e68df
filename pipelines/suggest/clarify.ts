import type { Suggestion } from '../../core/analysis.js';
import { clarifyingQuestions } from './knowledge.js';

/** The engine name on a clarifying question: no engine wrote it, suggest/knowledge/clarify.json did. */
export const CLARIFY_ENGINE = 'clarify';

/**
 * The clarifying question for a turn where no suggestion has earned its place — what the problem
 * is, or more about a problem no policy answers — asked once per call: after one was offered,
 * null. Repeating "what went wrong?" at a buyer who already answered, or chose not to, helps no one.
 */
export function clarifyingQuestion(state: {
  language: 'zh' | 'en';
  issueHeard: boolean;
  offered: readonly Pick<Suggestion, 'engine'>[];
}): string | null {
  if (state.offered.some((s) => s.engine === CLARIFY_ENGINE)) return null;
  const now = state.issueHeard ? 'issue_unmatched' : 'no_issue';
  const question = clarifyingQuestions().questions.find((q) => q.when.includes(now));
  return question ? question[state.language] : null;
}
