/**
 * Candidates from a rule's frames, read off the language layer's analysis of the line (computed
 * once per line and shared with every engine). Like pattern matches, a vetoed hit is kept as a
 * rejected candidate so moderators can see why nothing was flagged.
 */
import type { EvidenceLine } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type LineAnalysis } from '../language/index.js';
import { actHit, actOf, askedActOf, type CallState, laterActOf, requestActOf, saidActsOf } from './call-state.js';
import { type CompiledFrame, filledIn, matchFrame, mayFill } from './frames.js';
import type { CompiledRule } from './load-rules.js';
import type { Candidate } from './rule-layer.js';

export function frameCandidates(
  rule: CompiledRule,
  lines: readonly TranscriptLine[],
  index: number,
  state: CallState,
  /** Reading whether an earlier line was flagged: frames that themselves ask that are skipped. */
  asEarlier = false,
): Candidate[] {
  const line = lines[index]!;
  const analysis = analyzeLine(line.text);
  const previous = previousSameSpeaker(lines, index, analysis);
  const out: Candidate[] = [];
  // Whether the rule flags this line by a frame that does not itself ask (decision 0675), recorded
  // in the call's state for a later line's `earlier.flagged` to read back (decision 0795).
  let flagged = false;
  // Whether the rule's single-line frames flag this line, recorded for a later line's `continues`
  // veto to read back (decision 0835), when the rule has such a veto and covers the speaker.
  const ownJudge = rule.speakers.includes(line.speaker) ? continuesJudge(rule) : undefined;
  let own = false;
  rule.frames.forEach((frame, k) => {
    // A frame this line cannot fill yields nothing: its earlier lines are not read either.
    if (asEarlier && frame.earlier?.flagged) return;
    if (!mayFill(analysis, frame)) return;
    // Read before the frame's other checks, which a single-line frame's own flag does not ask.
    const hits = ownJudge && !own && !frame.earlier ? matchFrame(analysis, frame, previous) : undefined;
    if (hits?.some((h) => !h.veto)) own = true;
    const act = frame.earlier ? earlierAct(state, lines, index, frame) : null;
    if (frame.earlier?.required && act === null) return;
    // Standing by what was said repeats an obstruction only when the rule flagged what was said.
    if (frame.earlier?.flagged && act && !flaggedByRule(rule, lines, act.line, state)) return;
    const from = act?.line ?? null;
    const earlier: EvidenceLine | null = act && {
      utterance: act.line,
      speaker: act.speaker,
      evidence: act.evidence,
      span: act.span,
      startMs: lines[act.line]!.startMs,
      endMs: lines[act.line]!.endMs,
    };
    if (frame.reply && !answersOther(state, lines, index, frame.reply, from)) return;
    // The earlier line was the request half of this act (decision 0715): it is flagged too, late.
    const request = earlier && frame.earlier?.flagRequest ? requestHalf(rule, lines, earlier, frame) : null;
    // Talking the buyer round ("it's just standard", 没关系的) after a line this rule already
    // flagged adds no new act: one flag per attempt. A new request on a follow-up line still counts.
    const continued = from !== null && frame.earlier?.continues === true && flaggedOnItsOwn(rule, lines, from, state);
    const speaks = rule.speakers.includes(line.speaker) && (frame.speakers?.includes(line.speaker) ?? true);
    const said = speaks && frame.unlessSaid ? reasonSaid(rule, state, lines, index, frame) : null;
    for (const hit of hits ?? matchFrame(analysis, frame, previous)) {
      const answered = hit.veto || !speaks ? null : answeredLine(state, lines, index, analysis, frame);
      const veto = !speaks
        ? { reason: 'speaker', cue: line.speaker }
        : (hit.veto ??
          (continued ? { reason: 'continues', cue: `line ${from}` } : undefined) ??
          (said !== null ? { reason: 'said', cue: `line ${said}` } : undefined) ??
          (answered !== null ? { reason: 'answers', cue: `line ${answered}` } : undefined));
      if (!veto && !frame.earlier?.flagged) flagged = true;
      out.push({
        rule,
        utterance: index,
        speaker: line.speaker,
        span: hit.span,
        evidence: line.text.slice(hit.span[0], hit.span[1]),
        confidence: rule.confidence,
        rejected: veto !== undefined,
        via: 'frame',
        verdicts: [
          {
            layer: 'rule',
            verdict: veto ? 'rejected' : 'candidate',
            confidence: rule.confidence,
            detail: {
              frame: k,
              cues: hit.fillers.map((f) => f.cue),
              ...(earlier && { earlier }),
              ...(request && { request }),
              ...(veto && { veto: veto.reason, cue: veto.cue }),
            },
          },
        ],
      });
    }
  });
  // Only a rule whose own frame reads it (`earlier.flagged`) keeps the record: a long call stays small.
  if (rule.frames.some((f) => f.earlier?.flagged)) state.record(rule, index, line, flagged);
  if (ownJudge) state.record(ownJudge, index, line, own);
  return out;
}

/**
 * The key a rule records its single-line frames' own flag of a line under (decision 0835): only a
 * rule with a frame whose `earlier.continues` reads it has one, so a long call's state stays small.
 */
function continuesJudge(rule: CompiledRule): object | undefined {
  let judge = continuesJudges.get(rule);
  if (judge === undefined) {
    judge = rule.frames.some((f) => f.earlier?.continues === true) ? {} : null;
    continuesJudges.set(rule, judge);
  }
  return judge ?? undefined;
}
const continuesJudges = new WeakMap<CompiledRule, object | null>();

/**
 * A warning often spans two turns ("有骗子冒充客服。" / "他们会让你报验证码"), so the same speaker's
 * line just before is read for `unlessLine` cues — unless this line changes the subject (对了, by the way).
 */
function previousSameSpeaker(lines: readonly TranscriptLine[], index: number, a: LineAnalysis): LineAnalysis | null {
  const prev = lines[index - 1];
  if (!prev || prev.speaker !== lines[index]!.speaker) return null;
  const opener = a.clauses[0]?.matches.some((m) => m.class === 'topic_shift');
  return opener ? null : analyzeLine(prev.text);
}

/**
 * The nearest open act the frame's `earlier` names, from the call's carried state. An act is opened
 * only by a line read with the frame's own line vetoes and its reported-words veto: a datum named
 * inside a warning ("if anyone asks you for your card number, it isn't us") or in someone's
 * reported words is no request a follow-up can carry on.
 */
function earlierAct(state: CallState, lines: readonly TranscriptLine[], index: number, frame: CompiledFrame) {
  const earlier = frame.earlier!;
  const act = state.nearest(actOf(frame)!, index, lines[index]!.speaker, earlier, earlier.speaker);
  // A later act (a chat app offered or asked about since) takes the follow-up instead.
  const later = laterActOf(frame);
  return act && later && state.openedBetween(later, act.line, index) ? null : act;
}

/**
 * The earlier line whose reason carries to this one (a frame's `unlessSaid`, decision 0745): the lawful
 * reason said before a refusal that repeats it — void once the other party named a fault, or held up
 * a right or a rule against it, since; and never from a line the rule itself flagged.
 */
function reasonSaid(
  rule: CompiledRule,
  state: CallState,
  lines: readonly TranscriptLine[],
  index: number,
  frame: CompiledFrame,
): number | null {
  const acts = saidActsOf(frame);
  if (!acts) return null;
  const speaker = lines[index]!.speaker;
  const reason = state.nearest(
    acts.reason,
    index,
    speaker,
    { lines: frame.unlessSaid!.lines },
    frame.unlessSaid!.speaker,
  );
  if (!reason) return null;
  if (acts.after.some((act) => state.openedBetween(act, reason.line, index, speaker))) return null;
  // A line the rule flagged gave no lawful reason (final sale, even if defective): nothing carries.
  return flaggedByRule(rule, lines, reason.line, state) ? null : reason.line;
}

/**
 * The other party's line this one answers, when it holds a frame's `unlessAnswering` cue: 骗子吧你
 * right after the merchant asked for a payment password calls out the scam; it is not name-calling.
 */
function answeredLine(
  state: CallState,
  lines: readonly TranscriptLine[],
  index: number,
  analysis: LineAnalysis,
  frame: CompiledFrame,
): number | null {
  for (const u of frame.unlessAnswering ?? []) {
    if (!filledIn(analysis, u.cue, analysis.clauses.length)) continue;
    const asked = state.nearest(askedActOf(u.slots, u.reach), index, lines[index]!.speaker, u, 'other');
    if (asked) return asked.line;
  }
  return null;
}

/**
 * Whether any frame of the rule, reading its own earlier lines, flags line `i` (decision 0675): what
 * the rule recorded when it read that line (decision 0795). A line the rule never read (its language
 * absent, its `previous` unmet) is read once now, as before.
 */
function flaggedByRule(rule: CompiledRule, lines: readonly TranscriptLine[], i: number, state: CallState): boolean {
  return (
    state.recalled<boolean>(rule, i, lines[i]!) ?? frameCandidates(rule, lines, i, state, true).some((c) => !c.rejected)
  );
}

/**
 * The earlier line as the request half of a split act (decision 0715): said by a speaker the rule
 * covers and filling the frame's `flagRequest` slots (a request or invitation, not negated), its
 * evidence the words from the request to the act's own. Null when the line asks nothing.
 */
function requestHalf(
  rule: CompiledRule,
  lines: readonly TranscriptLine[],
  earlier: EvidenceLine,
  frame: CompiledFrame,
): EvidenceLine | null {
  if (!rule.speakers.includes(earlier.speaker)) return null;
  const text = lines[earlier.utterance]!.text;
  const hit = actHit(analyzeLine(text), requestActOf(frame)!);
  if (!hit) return null;
  const span: [number, number] = [Math.min(hit.span[0], earlier.span[0]), Math.max(hit.span[1], earlier.span[1])];
  return { ...earlier, span, evidence: text.slice(span[0], span[1]) };
}

/**
 * Whether the rule's single-line frames flag line `i` (said by a speaker the rule covers): what the
 * rule recorded when it read that line (decision 0835). A line the rule never read (its language
 * absent, its `previous` unmet) is read now, as before.
 */
function flaggedOnItsOwn(rule: CompiledRule, lines: readonly TranscriptLine[], i: number, state: CallState): boolean {
  const line = lines[i]!;
  if (!rule.speakers.includes(line.speaker)) return false;
  const judge = continuesJudge(rule);
  const recalled = judge && state.recalled<boolean>(judge, i, line);
  if (recalled !== undefined) return recalled;
  const analysis = analyzeLine(line.text);
  const previous = previousSameSpeaker(lines, i, analysis);
  return rule.frames.some((f) => !f.earlier && matchFrame(analysis, f, previous).some((h) => !h.veto));
}

/**
 * The line just before is the other party's and fills the slots within `reach` clauses (什么数字？ /
 * "what's the handle?" / 哦是登录验证码 这个也要给你吗) — and, for an `echo` reply, only repeats
 * words of the `earlier` line `from` (飞机？ after 飞机上搜…找我).
 */
function answersOther(
  state: CallState,
  lines: readonly TranscriptLine[],
  index: number,
  reply: NonNullable<CompiledFrame['reply']>,
  from: number | null,
): boolean {
  const asked = state.nearest(
    askedActOf(reply.slots, reply.reach),
    index,
    lines[index]!.speaker,
    { lines: 1 },
    'other',
  );
  if (asked === null) return false;
  return !reply.echo || (from !== null && echoes(analyzeLine(lines[asked.line]!.text), analyzeLine(lines[from]!.text)));
}

/** Every clause of the question is words said in the earlier line (two characters or more). */
function echoes(question: LineAnalysis, said: LineAnalysis): boolean {
  const words = said.norm.toLowerCase();
  return (
    question.clauses.length > 0 &&
    question.clauses.every((c) => {
      const part = question.norm
        .slice(...c.nspan)
        .trim()
        .toLowerCase();
      return [...part].length >= 2 && words.includes(part);
    })
  );
}
