/**
 * Promises as frames over the language layer. The frames file (data/promise-frames.json) names
 * which word classes are actions, what makes a clause commit, and which clause marks make a
 * promise no promise; this file only interprets it. It runs over the candidates of the clause
 * reader in promises.ts: it drops what a non-promise cue holds, names escalations and follow-ups,
 * and adds the frames that reader missed (小妹帮您升级给主管, I'll escalate this).
 */
import { z } from 'zod';
import type { PromiseNote } from '../../core/analysis.js';
import { PromiseActionSchema, type TranscriptLine } from '../../core/domain.js';
import {
  type Clause,
  clauseHas,
  hasMark,
  type LineAnalysis,
  MARK_KINDS,
  negationOver,
  analyzeLine,
  sentencesOf,
} from '../language/index.js';
import { actionWords, closedCondition, joinedBeforeTrailing, timesAct } from './promise-actions.js';
import { dateOf, negatesEventOnly } from './promise-cues.js';
import type { DeadlineMatch } from './deadlines.js';
import { readKnowledge } from './knowledge-file.js';

const Mark = z.enum(MARK_KINDS);
const FramesSchema = z
  .object({
    id: z.string(),
    version: z.number().int().positive(),
    description: z.string().optional(),
    /** The layer's action classes in rank order: a clause keeps the first one found ("收到货后给您退款" is a refund). */
    actionClasses: z.array(z.object({ class: z.string(), action: PromiseActionSchema }).strict()).min(1),
    /** The buyer can only promise what the buyer can do; anything else they "promise" is none. */
    customerActions: z.array(PromiseActionSchema),
    /** Goods arriving: something the buyer receives, a delivery only when nothing richer is named. */
    arrivalClass: z.string(),
    /** Money arriving (今天到账): the payout of whatever was promised before it. */
    payoutClass: z.string(),
    /** The acts whose money a payout clause can carry (给您补八十元，马上打款): a payout after any other act (小妹现在提交，两个小时内原路退回) is the refund it names. */
    payoutOf: z.array(PromiseActionSchema),
    commitment: z
      .object({
        marks: z.array(Mark),
        classes: z.array(z.string()),
        /** Marks or classes that give a clause a subject of its own, so it carries no commitment from the clause before. */
        ownSubject: z.object({ marks: z.array(Mark), classes: z.array(z.string()) }).strict(),
        note: z.string().optional(),
      })
      .strict(),
    /** Time words saying an act happens at once (now, 马上): they date no act passed up or opened then (0685). */
    atOnce: z.string(),
    /** The word class saying an act is already done. */
    done: z.object({ class: z.string() }).strict(),
    /** What makes a promise conditional: marks in its clause, or a buyer's act asked for before it. */
    conditions: z
      .object({
        marks: z.array(Mark),
        before: z.array(
          z
            .object({ mark: Mark, withClass: z.string(), unlessMark: Mark.optional(), note: z.string().optional() })
            .strict(),
        ),
      })
      .strict(),
    actions: z.array(
      z
        .object({
          id: z.string(),
          action: PromiseActionSchema,
          class: z.string(),
          /** Actions of the clause reader this frame renames when both read the same clause. */
          replaces: z.array(PromiseActionSchema),
          /** Actions later in the line that answer this one (a follow-up's reply): a promise of their own. */
          answeredBy: z.array(PromiseActionSchema),
          /** Said as done (already escalated): is something still owed? */
          doneStillOwed: z.boolean(),
          /** The frame also renames the acts of the next clause of its sentence that names no one (通知仓库 | 按新地址给您发); it renames only acts said without a time. */
          carriesNext: z.boolean().optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    nonPromises: z.array(
      z
        .object({
          id: z.string(),
          mark: Mark.optional(),
          unlessMark: Mark.optional(),
          unlessClass: z.string().optional(),
          negatedClass: z.string().optional(),
          lineClass: z.string().optional(),
          /** The act is itself a violation: withheld, and an alternative to it offered next is too. */
          violation: z.boolean().optional(),
          /** The class in one of the promise's clauses. */
          clauseClass: z.string().optional(),
          /** The class anywhere in the promise's sentence. */
          sentenceClass: z.string().optional(),
          /** The class in the promise's own clauses or in the condition it waits on (需要的话, if you'd like). */
          conditionClass: z.string().optional(),
          /** The rule holds only for a promise with no deadline (月底前处理好 is held to its date). */
          unlessDeadline: z.boolean().optional(),
          /** …nor when a time is said later in the line (可以给您申请一张券 … 今天就发您账户里, 0685). */
          unlessTimedLater: z.boolean().optional(),
          /** The rule does not hold for a frame whose reply (an act that answers it) is promised later in the line. */
          unlessReplyAfter: z.boolean().optional(),
          /** The mark does not count after a word of these classes in its clause (问一下主管能不能…: the question is the one to be asked). */
          unlessAfterClasses: z.array(z.string()).optional(),
          actions: z.array(PromiseActionSchema).optional(),
          note: z.string().optional(),
        })
        .strict()
        .refine(
          (r) =>
            [r.mark, r.negatedClass, r.lineClass, r.clauseClass, r.sentenceClass, r.conditionClass].filter(Boolean)
              .length === 1,
          {
            message:
              'a non-promise rule names exactly one of mark, negatedClass, lineClass, clauseClass, sentenceClass, conditionClass',
          },
        ),
    ),
    /**
     * Filing a case (提交, submit): an errand (other) read from the filing verb is the act its line
     * names (今天我就提交 原路退回 is the refund), dated by the filing and conditional when that act waits.
     */
    filings: z.array(
      z
        .object({
          id: z.string(),
          class: z.string(),
          of: z.array(PromiseActionSchema).min(1),
          waits: z.array(z.string()),
          note: z.string().optional(),
        })
        .strict(),
    ),
    /** Acts that only prepare a later promise in the same line: not promises of their own. */
    steps: z.array(
      z
        .object({ id: z.string(), class: z.string(), of: z.array(PromiseActionSchema), note: z.string().optional() })
        .strict(),
    ),
    /** Different acts joined by a disjunction in a sentence that asks or says what could be done: options offered. */
    options: z
      .object({
        id: z.string(),
        disjunction: z.string(),
        minActions: z.number().int().min(2),
        whenMarks: z.array(Mark),
        whenClasses: z.array(z.string()),
        /** A choice put to the buyer after the sentence (Which works better?). */
        choiceClass: z.string(),
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict();
export type Frames = z.infer<typeof FramesSchema>;
type NonPromise = Frames['nonPromises'][number];

let frames: Frames | undefined;
export function loadFrames(): Frames {
  if (frames) return frames;
  frames = readKnowledge('promise-frames.json', FramesSchema);
  return frames;
}

/** How far into its clause the speaker may come after a wish and still be the one acting (亲 那小妹…, and I…). */
const SELF_LEAD = 6;

/** The non-promise rule that holds for a promise read from `clauses`, if any. */
function vetoOf(
  f: Frames,
  a: LineAnalysis,
  clauses: readonly Clause[],
  action: PromiseNote['action'],
  deadline: string | null = null,
  replyAfter = false,
  /** A time is said in a clause of the line after the promise's first. */
  timedLater = false,
): NonPromise | undefined {
  return f.nonPromises.find((r) => {
    if (r.actions && !r.actions.includes(action)) return false;
    if (r.unlessDeadline && deadline !== null) return false;
    if (r.unlessTimedLater && timedLater) return false;
    if (r.unlessReplyAfter && replyAfter) return false;
    if (r.lineClass) return clauses.some((c) => clauseHas(c, r.lineClass!)) || sentenceBefore(a, clauses, r.lineClass);
    if (r.clauseClass) return clauses.some((c) => clauseHas(c, r.clauseClass!));
    if (r.sentenceClass) return sentenceOf(a, clauses[0]!).some((c) => clauseHas(c, r.sentenceClass!));
    if (r.conditionClass) {
      const condition = conditionOf(f, a, clauses[0]!);
      // "If you want, forward it to us and I'll pass it on": the wish is the buyer's act's, asked for
      // after it, and the promise waits on that act. A wish of the speaker's act is followed by the
      // speaker (如果您愿意等的话 | 我们给您补一张券; If you'd like, | I can…).
      const first = clauses[0]!;
      const next = condition && condition.index < first.index ? a.clauses[condition.index + 1]! : undefined;
      if (next && !next.marks.some((m) => m.kind === 'self' && m.span[0] - next.span[0] <= SELF_LEAD)) return false;
      const between = condition ? a.clauses.slice(condition.index + 1, first.index + 1) : [];
      if (between.some((c) => hasMark(c, 'request'))) return false;
      return [...clauses, ...(condition ? [condition] : [])].some((c) => clauseHas(c, r.conditionClass!));
    }
    if (r.negatedClass) {
      return clauses.every((c) =>
        c.matches.some((m) => {
          const no = m.class === r.negatedClass ? negationOver(a, m.span) : undefined;
          return no !== undefined && !negatesEventOnly(c, no);
        }),
      );
    }
    return clauses.every((c) => holds(r, c));
  });
}

/**
 * A reply that answers the frame of `action` is named after its act in the line (帮您核实一下，半小时后给您回复;
 * let me check with the lab and get back to you): the check is answered later, not done in the call.
 */
function replyAfter(f: Frames, a: LineAnalysis, clauses: readonly Clause[], action: PromiseNote['action']): boolean {
  return f.actions.some((frame) => {
    const ofFrame = frame.action === action || frame.replaces.includes(action) || frame.answeredBy.includes(action);
    if (frame.answeredBy.length === 0 || !ofFrame) return false;
    const acts = clauses.flatMap((c) => c.matches.filter((m) => m.class === frame.class).map((m) => m.span[0]));
    if (acts.length === 0) return false;
    const replies = new Set(f.actionClasses.filter((c) => frame.answeredBy.includes(c.action)).map((c) => c.class));
    const first = Math.min(...acts);
    // The reply is the speaker's: a technician's call (师傅明天联系您) answers nothing the speaker checked.
    const others = (c: Clause) => f.commitment.ownSubject.classes.some((cls) => clauseHas(c, cls));
    return a.clauses.some((c) => !others(c) && c.matches.some((m) => replies.has(m.class) && m.span[0] > first));
  });
}

/** A mark rule holds for a clause: the mark is there, none of its exceptions is. */
function holds(r: NonPromise, c: Clause): boolean {
  if (r.unlessMark && hasMark(c, r.unlessMark)) return false;
  if (r.unlessClass && clauseHas(c, r.unlessClass)) return false;
  const after = c.matches.filter((m) => r.unlessAfterClasses?.includes(m.class)).map((m) => m.span[0]);
  return c.marks.some((m) => m.kind === r.mark && !after.some((at) => at < m.span[0]));
}

/**
 * Does the clause ask the listener? The frames' question rule: a tag seeking assent (我给您退款好吗？)
 * offers the act, and a question after a check verb (问一下主管能不能通融) is the one to be asked.
 */
export function asksTheListener(clause: Clause): boolean {
  const rule = questionRule();
  return rule !== undefined && holds(rule, clause);
}

const questionRule = () => loadFrames().nonPromises.find((r) => r.mark === 'question');

/**
 * Where the question a check verb embeds starts, as an offset into the clause's text
 * (跟仓库确认一下|能不能今天发): the acts named in it are asked about, not promised.
 */
export function embeddedQuestionAt(clause: Clause): number | undefined {
  const classes = questionRule()?.unlessAfterClasses ?? [];
  const check = clause.matches.find((m) => classes.includes(m.class));
  if (!check) return undefined;
  const q = clause.marks.find((m) => m.kind === 'question' && m.span[0] > check.span[0]);
  return q ? q.span[0] - clause.span[0] : undefined;
}

/** The class appears in an earlier clause of the same sentence ("给个五星好评，返您五块"). */
function sentenceBefore(a: LineAnalysis, clauses: readonly Clause[], cls: string): boolean {
  for (let i = clauses[0]!.index - 1; i >= 0; i--) {
    const c = a.clauses[i]!;
    if (clauseHas(c, cls)) return true;
    if (c.sentenceStart) return false;
  }
  return false;
}

/** The clauses of the sentence holding `clause`. */
function sentenceOf(a: LineAnalysis, clause: Clause): readonly Clause[] {
  return sentencesOf(a).find((s) => s.at(-1)!.index >= clause.index)!;
}

/**
 * Options offered, not chosen: a sentence whose promises name at least `minActions` different
 * acts, joined by a disjunction after the first, and that asks the buyer or says what could be
 * done. Returns the sentences' first clause indices.
 */
function offeredOptions(
  f: Frames,
  a: LineAnalysis,
  found: readonly { p: PromiseNote; at: Clause }[],
  speaker: TranscriptLine['speaker'],
): Set<number> {
  const o = f.options;
  const sentences = new Set(found.map((x) => sentenceOf(a, x.at)[0]!.index));
  const out = new Set<number>();
  for (const key of sentences) {
    const sentence = sentenceOf(a, a.clauses[key]!);
    // The acts the sentence names, promised or not ("给您换个新的 还是直接退款呢": the second is asked).
    const named = sentence.flatMap((c) => actionWords(c).map((h) => ({ action: h.action, at: c.span[0] + h.at })));
    const acts = new Set(named.map((n) => n.action));
    for (const x of found) if (sentence.includes(x.at)) acts.add(x.p.action);
    if (speaker !== 'merchant' || acts.size < o.minActions || named.length === 0) continue;
    const firstAct = Math.min(...named.map((n) => n.at));
    // A choice after a check or a reply is the one it will settle (技术那边会给您回电 看是远程处理还是寄修), not one offered now.
    const settles = questionRule()?.unlessAfterClasses ?? [];
    const settledFrom = Math.min(
      ...sentence.flatMap((c) => c.matches.filter((m) => settles.includes(m.class)).map((m) => m.span[0])),
    );
    const joined = sentence.some((c) =>
      c.matches.some((m) => m.class === o.disjunction && m.span[0] > firstAct && m.span[0] < settledFrom),
    );
    // The choice may be put in the next sentence ("…, or we'll reimburse you. Which works better?").
    const later = a.clauses.slice(sentence.at(-1)!.index + 1);
    const asks =
      sentence.some((c) => o.whenMarks.some((m) => hasMark(c, m))) ||
      sentence.some((c) => o.whenClasses.some((cls) => clauseHas(c, cls))) ||
      later.some((c) => clauseHas(c, o.choiceClass) !== undefined);
    if (joined && asks) out.add(key);
  }
  return out;
}

/**
 * A clause commits by its own self mark or marker, or, naming no one, by the clause before it in
 * the sentence: Chinese drops a subject it carries on (那小妹帮您申请售后 问一下主管能不能通融: the same
 * 小妹 asks).
 */
function commits(f: Frames, a: LineAnalysis, clause: Clause): boolean {
  const own = (c: Clause) =>
    f.commitment.marks.some((m) => hasMark(c, m)) || f.commitment.classes.some((cls) => clauseHas(c, cls));
  if (own(clause)) return true;
  const { ownSubject } = f.commitment;
  if (
    clause.sentenceStart ||
    ownSubject.marks.some((m) => hasMark(clause, m)) ||
    ownSubject.classes.some((cls) => clauseHas(clause, cls))
  )
    return false;
  const before = a.clauses[clause.index - 1];
  return before !== undefined && commits(f, a, before);
}

/**
 * Every act of `cls` in the clause is said inside its leading condition, before the speaker comes in
 * ("if you open a case with eBay I'll block you": the buyer's act, not the speaker's) (0820).
 */
function inConditionOnly(clause: Clause, cls: string): boolean {
  const cond = clause.marks.find((m) => m.kind === 'condition');
  if (!cond) return false;
  const self = clause.marks.find((m) => m.kind === 'self' && m.span[0] >= cond.span[1]);
  if (!self) return false;
  return clause.matches
    .filter((m) => m.class === cls)
    .every((m) => m.span[0] >= cond.span[0] && m.span[0] < self.span[0]);
}

/**
 * The clause before `clause` in its sentence tells a party to act (小妹通知一下仓库 | 按新地址给您发; 跟师傅说一声 |
 * 让他带梯子), and `clause` names no one of its own but the party told: what it names is the party's act (0685).
 */
function toldBefore(f: Frames, a: LineAnalysis, clause: Clause, cls: string): boolean {
  const before = a.clauses[clause.index - 1];
  if (!before || clause.sentenceStart || !clauseHas(before, cls)) return false;
  return !hasMark(clause, 'self') && !f.commitment.marks.some((m) => m !== 'self' && hasMark(clause, m));
}

/** A condition over a clause: its own, an open "if" before it in the sentence, or a buyer's act asked for first. */
function conditioned(f: Frames, a: LineAnalysis, clause: Clause): boolean {
  return conditionOf(f, a, clause) !== undefined;
}

/** The clause of the sentence, up to `clause`, holding the condition it waits on, if any. */
function conditionOf(f: Frames, a: LineAnalysis, clause: Clause): Clause | undefined {
  for (let i = clause.index; i >= 0; i--) {
    const c = a.clauses[i]!;
    // A condition closed in its own clause (布料换的话可能要加一点钱) conditions nothing after it (0855).
    if (f.conditions.marks.some((m) => hasMark(c, m)) && (i === clause.index || !closedCondition(c))) return c;
    if (
      i < clause.index &&
      f.conditions.before.some(
        (b) => hasMark(c, b.mark) && clauseHas(c, b.withClass) && !(b.unlessMark && hasMark(c, b.unlessMark)),
      )
    )
      return c;
    if (c.sentenceStart) return undefined;
  }
  return undefined;
}

/**
 * One line's promises: the clause reader's candidates judged by the frames, plus the frames it
 * did not find. Same action and condition twice in a line is one promise.
 */
export function judgePromises(
  line: TranscriptLine,
  utterance: number,
  candidates: PromiseNote[],
  /** The deadline each clause of the line sets, by clause index (`clauseDeadlines`). */
  due: readonly (DeadlineMatch | null)[],
  /** The day the line was said (YYYY-MM-DD in the call's zone). */
  today: string,
  /** Receives the acts withheld because saying them is a violation (paying for a withdrawn complaint). */
  withheld: PromiseNote[] = [],
): PromiseNote[] {
  const f = loadFrames();
  const a = analyzeLine(line.text);
  const clausesOf = (text: string): Clause[] => {
    const start = line.text.indexOf(text);
    const end = start + text.length;
    return a.clauses.filter((c) => c.span[0] < end && start < c.span[1]);
  };
  const out: PromiseNote[] = [];
  const add = (p: PromiseNote) => addPromise(out, p);
  for (const p of candidates) {
    const clauses = clausesOf(p.text);
    // A time said for the act holds it to something even when it counts from an event (收到后两天内处理).
    const said = p.deadline ?? clauses.map((c) => due[c.index]?.date ?? null).find((d) => d !== null) ?? null;
    if (clauses.length === 0) continue;
    const later = due.slice(clauses[0]!.index + 1).some((d) => d !== null);
    const veto = vetoOf(f, a, clauses, p.action, said, replyAfter(f, a, clauses, p.action), later);
    if (veto?.violation) withheld.push(p);
    if (veto) continue;
    // The buyer's errands keep their name: only an agent escalates or follows up.
    const frame =
      line.speaker === 'merchant'
        ? f.actions.find(
            (x) =>
              x.replaces.includes(p.action) &&
              // An act told with its own time stays the shop's, vouched for (跟仓库说一声 明天给您发出).
              (x.carriesNext !== true || p.deadline === null) &&
              (clauses.some((c) => clauseHas(c, x.class)) ||
                (x.carriesNext === true && toldBefore(f, a, clauses[0]!, x.class))),
          )
        : undefined;
    // An act joined before the one a trailing condition hangs on is said for itself (0855).
    const conditional =
      p.conditional ||
      (conditioned(f, a, clauses[0]!) &&
        !clauses.some((c) => joinedBeforeTrailing(c, line.speaker, due[c.index]).includes(p.action)));
    // "I'm escalating it to our logistics team now": passed up in the call, its outcome undated (0685).
    const owed = f.actions.find(
      (x) => x.doneStillOwed && x.action === (frame?.action ?? p.action) && clauses.some((c) => clauseHas(c, x.class)),
    );
    const now = owed !== undefined && clauses.some((c) => due[c.index] && atOnce(f, c, due[c.index]!));
    // "…收到货后马上给您退款": once the buyer's act is a condition, "right away" counts from that
    // act, not from today; a named day ("周五前") stays.
    const deadline = now || (conditional && !p.conditional && p.deadline === today) ? null : p.deadline;
    add({ ...p, action: frame?.action ?? p.action, conditional, deadline });
  }
  for (const clause of a.clauses) {
    for (const frame of f.actions) {
      if (!clauseHas(clause, frame.class) || !commits(f, a, clause) || inConditionOnly(clause, frame.class)) continue;
      // "We've reached out to the carrier and will get back to you": the check is done, its answer is owed.
      const answerOwed = replyAfter(f, a, [clause], frame.action);
      if (!frame.doneStillOwed && clauseHas(clause, f.done.class) && !answerOwed) continue;
      if (line.speaker !== 'merchant') continue;
      const deadline = frameDate(f, clause, frame, due[clause.index]);
      const later = due.slice(clause.index + 1).some((d) => d !== null);
      if (vetoOf(f, a, [clause], frame.action, deadline, answerOwed, later)) continue;
      add({
        speaker: line.speaker,
        action: frame.action,
        deadline,
        conditional: conditioned(f, a, clause),
        utterance,
        text: clause.text,
      });
    }
  }
  // The reply that answers a follow-up brings its time ("跟花店确认一下 半小时后给您回复"): due when the answer is.
  for (const x of f.actions) {
    const taker = out.find((p) => p.action === x.action && p.deadline === null);
    const dated = out.find((p) => x.answeredBy.includes(p.action) && p.deadline !== null);
    if (taker && dated) taker.deadline = dated.deadline;
  }
  fileAs(f, a, out, clausesOf);
  const kept = dedupe(out)
    .map((p) => ({ p, at: clausesOf(p.text)[0] }))
    .filter((x): x is { p: PromiseNote; at: Clause } => x.at !== undefined);
  const options = offeredOptions(f, a, kept, line.speaker);
  return kept.filter((x) => !options.has(sentenceOf(a, x.at)[0]!.index) && !stepOfLater(f, x, kept)).map((x) => x.p);
}

/**
 * A filing (今天我就提交 | 原路退回; 我给您申请，您先寄回来，收到后退款) is the act its line names: the
 * errand read from the filing verb becomes that act, keeping the filing's time; it waits when the
 * act's clause waits on the buyer's side (收到后).
 */
function fileAs(f: Frames, a: LineAnalysis, out: PromiseNote[], clausesOf: (text: string) => Clause[]): void {
  for (const rule of f.filings) {
    for (const p of out) {
      if (p.action !== 'other') continue;
      const own = clausesOf(p.text);
      if (
        !own.some((c) => clauseHas(c, rule.class)) ||
        !own.every((c) => actionWords(c).every((h) => h.action === 'other'))
      )
        continue;
      // The act named nearest the filing; goods arriving (收到) are received, never filed, and the
      // buyer's own act (您周五前寄出就可以) is not the shop's to file.
      const buyers = (c: Clause) =>
        !hasMark(c, 'self') && c.marks.some((m) => m.kind === 'addressee' && m.span[0] === c.span[0]);
      const named = (c: Clause) =>
        buyers(c) ? [] : actionWords(c, undefined, { arrival: true }).filter((h) => rule.of.includes(h.action));
      const at = own[0]!.index;
      const target = a.clauses
        .filter((c) => !hasMark(c, 'question') && named(c).length > 0)
        .sort((x, y) => Math.abs(x.index - at) - Math.abs(y.index - at))[0];
      if (!target) continue;
      const act = named(target)[0]!.action;
      const waits = conditioned(f, a, target) || rule.waits.some((cls) => clauseHas(target, cls));
      Object.assign(p, { action: act, conditional: p.conditional || waits });
    }
  }
}

/**
 * The time a frame's clause gives the frame's act: none when the clause's phrase dates another act
 * named after the frame's ("I've opened a trace and set up a reship - it'll go out tomorrow"), nor
 * when the act is passed up or opened at once (I'm escalating it now, 马上给您上报): that act is done
 * in the call, and the outcome it leaves owed has no date (decision 0685).
 */
function frameDate(
  f: Frames,
  clause: Clause,
  frame: Frames['actions'][number],
  due: DeadlineMatch | null | undefined,
): string | null {
  if (!due) return null;
  const own = clause.matches
    .filter((m) => m.class === frame.class)
    .map((m): [number, number] => [m.span[0] - clause.span[0], m.span[1] - clause.span[0]]);
  // The acts a question after a check verb names are asked about, not promised (问下厂家 看…是什么情况).
  const asked = embeddedQuestionAt(clause) ?? clause.text.length;
  const acts = [...new Set([...actionWords(clause, [0, asked]).map((h) => h.action), frame.action])];
  if (!timesAct(clause, acts, frame.action, due, own)) return null;
  if (frame.doneStillOwed && atOnce(f, clause, due)) return null;
  return dateOf(clause, due);
}

/** The clause's time phrase only says the act happens now (now, 马上): the frames' `atOnce` class. */
function atOnce(f: Frames, clause: Clause, due: DeadlineMatch): boolean {
  return clause.matches.some(
    (m) => m.class === f.atOnce && m.span[0] - clause.span[0] <= due.start && due.end <= m.span[1] - clause.span[0],
  );
}

/** The same action and condition twice in a line is one promise; a stated time fills a missing one. */
export function addPromise(out: PromiseNote[], p: PromiseNote): void {
  const same = out.find((o) => o.action === p.action && o.conditional === p.conditional);
  // "收到货之后我这边会给您留言 告诉您新的单号": the same act said again, undated, after its condition in
  // the line is the conditioned act, not a second, firm one (0820; one promise per action on a line).
  const restated =
    !p.conditional &&
    p.deadline === null &&
    out.some((o) => o.action === p.action && o.conditional && o.deadline === null);
  if (restated) return;
  if (!same) out.push(p);
  else if (same.deadline === null && p.deadline !== null) Object.assign(same, { deadline: p.deadline, text: p.text });
}

function dedupe(found: readonly PromiseNote[]): PromiseNote[] {
  const out: PromiseNote[] = [];
  for (const p of found) addPromise(out, p);
  return out;
}

/** A bookkeeping act (备注下午两点) followed in the line by the promise it prepares (师傅下午过去). */
function stepOfLater(f: Frames, x: { p: PromiseNote; at: Clause }, kept: readonly { p: PromiseNote; at: Clause }[]) {
  return f.steps.some(
    (s) =>
      x.p.action === 'other' &&
      clauseHas(x.at, s.class) !== undefined &&
      actionWords(x.at).every((h) => h.action === 'other') &&
      kept.some((y) => s.of.includes(y.p.action) && y.at.index > x.at.index),
  );
}
