import type { PromiseNote } from '../../core/analysis.js';
import type { PromiseAction, SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { resolveDeadline } from './deadlines.js';
import {
  ACTIONS, COMMITMENT, CONDITION, CONSEQUENT, CUSTOMER_ACTIONS, FUTURE, NEGATION, NOT_NEGATION, PAST,
  QUESTION, RECIPIENT, REQUEST, RETURN_GOODS, TAG_QUESTION,
} from './promise-lexicon.js';
import { foldWidth, splitClauses, type Clause } from './text.js';

export interface PromiseContext {
  startedAt: Date;
  timeZone: string;
}

interface Reading {
  action: PromiseAction | null;
  condition: boolean;
  promise: boolean;
}

/** The action a clause is about, if any, as the speaker could perform it. */
export function actionOf(text: string, speaker: SpeakerRole): PromiseAction | null {
  if (speaker === 'customer' && RETURN_GOODS.test(text)) return 'ship';
  const found = ACTIONS.find(([, re]) => re.test(text))?.[0] ?? null;
  if (found === null || speaker === 'merchant') return found;
  return CUSTOMER_ACTIONS.has(found) ? found : 'other';
}

/** The part of a conditional clause that carries the promise: "如果没货就给您退款" → "给您退款". */
function consequent(text: string): string {
  const cond = CONDITION.exec(text);
  if (!cond) return text;
  const rest = text.slice(cond.index + cond[0].length);
  const zh = CONSEQUENT.exec(rest);
  if (zh) return rest.slice(zh.index + zh[0].length);
  if (cond.index > 0) return text.slice(0, cond.index);
  const commit = COMMITMENT.merchant.exec(rest);
  return commit ? rest.slice(commit.index) : rest;
}

function isQuestion(clause: Clause): boolean {
  if (TAG_QUESTION.test(clause.text)) return false;
  return clause.question || QUESTION.test(clause.text.replace(/[。.!！\s]+$/, ''));
}

function isPast(text: string): boolean {
  if (PAST.strong.test(text)) return !FUTURE.strong.test(text);
  return PAST.weak.test(text) && !FUTURE.weak.test(text);
}

function read(clause: Clause, speaker: SpeakerRole, inherited: boolean, deadline: boolean): Reading {
  const text = foldWidth(clause.text).replace(TAG_QUESTION, '');
  const action = actionOf(text, speaker);
  const condition = CONDITION.test(text);
  if (action === null || isQuestion(clause)) return { action, condition, promise: false };
  const main = consequent(text).replace(new RegExp(NOT_NEGATION.source, 'gi'), ' ');
  const recipient = speaker === 'merchant' && RECIPIENT.test(text);
  const refused = NEGATION.test(main) || isPast(text) || (REQUEST[speaker].test(main) && !recipient);
  const committed = inherited || deadline || recipient || COMMITMENT[speaker].test(text);
  return { action, condition, promise: !refused && committed };
}

/**
 * Promises made in one line. A clause is a promise when it names an action, commits to it (a
 * future or intention marker, acting 给您/for the listener, or a time), and is not a question, a
 * request, a refusal or something already done. A clause after a promise in the same line shares
 * its commitment ("先给您退款，然后补发一个"); one after an "if" clause is conditional. A time said
 * in a neighbouring clause without its own action is borrowed ("明天吧，我给您补发"), but never from
 * the condition ("要是明天还没到，我给您补发" has no deadline).
 */
export function findPromisesInLine(line: TranscriptLine, utterance: number, ctx: PromiseContext): PromiseNote[] {
  const now = new Date(ctx.startedAt.getTime() + line.startMs);
  const clauses = splitClauses(line.text);
  const due = clauses.map((c) => resolveDeadline(c.text, now, ctx.timeZone));
  const out: PromiseNote[] = [];
  let previous: Reading | null = null;
  clauses.forEach((clause, i) => {
    const reading = read(clause, line.speaker, previous?.promise ?? false, due[i] !== null);
    const antecedent = previous !== null && previous.condition && previous.action === null;
    if (reading.promise && reading.action) {
      const neighbour = [i - 1, i + 1].find((j) => {
        const other = clauses[j];
        return other && due[j] && actionOf(other.text, line.speaker) === null && !CONDITION.test(other.text);
      });
      const deadlineFrom = due[i] ? i : neighbour;
      const first = Math.min(i, antecedent ? i - 1 : i, deadlineFrom ?? i);
      const last = Math.max(i, deadlineFrom ?? i);
      const conditional = reading.condition || antecedent || (previous?.promise === true && previousConditional(out));
      addPromise(out, {
        speaker: line.speaker,
        action: reading.action,
        deadline: deadlineFrom === undefined ? null : due[deadlineFrom]!.date,
        conditional,
        utterance,
        text: line.text.slice(clauses[first]!.start, clauses[last]!.end),
      });
    }
    previous = reading;
  });
  return out;
}

function previousConditional(out: PromiseNote[]): boolean {
  return out.at(-1)?.conditional ?? false;
}

/** The same action twice in one line is one promise; a stated time fills a missing one. */
function addPromise(out: PromiseNote[], p: PromiseNote): void {
  const same = out.find((o) => o.action === p.action && o.conditional === p.conditional);
  if (!same) out.push(p);
  else if (same.deadline === null && p.deadline !== null) Object.assign(same, { deadline: p.deadline, text: p.text });
}

/**
 * Promises across a call. Exact repeats (same speaker, action, deadline, condition) keep the first;
 * an open-ended promise restated with a time within the next four lines by the same speaker
 * ("我给您补发" … "明天上午给您发出") is one promise, kept where the time was given.
 */
export function findPromises(lines: readonly TranscriptLine[], ctx: PromiseContext): PromiseNote[] {
  const all = lines.flatMap((line, i) => findPromisesInLine(line, i, ctx));
  const key = (p: PromiseNote): string => `${p.speaker}|${p.action}|${p.deadline}|${p.conditional}`;
  const seen = new Set<string>();
  return all.filter((p) => {
    if (seen.has(key(p))) return false;
    seen.add(key(p));
    if (p.deadline !== null) return true;
    return !all.some((q) => q.deadline !== null && q.speaker === p.speaker && q.action === p.action
      && q.conditional === p.conditional && q.utterance > p.utterance && q.utterance - p.utterance <= 4);
  });
}
