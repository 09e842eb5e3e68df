/**
 * The shape of one analysed line. Every span is [start, end) in the ORIGINAL text; `nspan` is the
 * same range in the normalised text (`LineAnalysis.norm`), for matchers that run there.
 */
import type { Language } from '../../core/domain.js';

export type Span = [number, number];

export const MASK_KINDS = ['url', 'email', 'handle', 'platform', 'phone', 'digits', 'app'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export const MARK_KINDS = [
  'question',
  'offer',
  'condition',
  'negation',
  'reported',
  'policy',
  'in_call',
  'self',
  'addressee',
  'request',
  /**
   * A confirming negative question (那个不是验证码吗, "isn't that the code?"): the speaker asserts
   * what follows and asks for a yes. Always carried with a `question` mark; its 不是 / n't is no negation.
   */
  'confirming',
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface Mask {
  kind: MaskKind;
  /** For platform masks ([订单x], [电话x]…): which field was masked (order, phone, amount…). */
  field?: string;
  /** The word class the token stands in (an app name spelled out, 微 信 / q q: `contact_channel`). */
  class?: string;
  text: string;
  span: Span;
  nspan: Span;
}

export interface NumberToken {
  /** The value read positionally (一百二十八 = 128, "twenty-four" = 24, "1,280.5" = 1280.5). */
  value: number;
  /** The digits when the number can be read digit by digit (幺三八 = "138", "double four oh" = "440"). */
  digits?: string;
  script: 'arabic' | 'han' | 'latin';
  text: string;
  span: Span;
  nspan: Span;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'mask';

export interface Token {
  kind: TokenKind;
  /** The token as normalised (folded width); `span` gives the original characters. */
  text: string;
  span: Span;
  nspan: Span;
  /** Set on mask tokens. */
  mask?: MaskKind;
}

/** One lexicon entry found in the line. */
export interface LexiconMatch {
  class: string;
  /** `<entry id>@<file version>`, so a judgment can say which knowledge it used. */
  entry: string;
  text: string;
  span: Span;
  nspan: Span;
}

export interface Mark {
  kind: MarkKind;
  entry: string;
  /** The cue's span; for `question` ended by '?' it is the question mark. */
  span: Span;
  nspan: Span;
  /** Negation only: the negated stretch (cue end to clause end) and its token indices [from, to). */
  scope?: { span: Span; nspan: Span; tokens: [number, number] };
}

/** Who does a clause's main verb (decision 0790): the speaker, the listener, someone else, or not said. */
export const ACTORS = ['self', 'addressee', 'third', 'unknown'] as const;
export type ActorKind = (typeof ACTORS)[number];

export interface Actor {
  who: ActorKind;
  /** The cue that decided it (`<entry id>@<version>`), absent for `unknown`. */
  entry: string | undefined;
  span: Span | undefined;
  /**
   * What the doer governs, in the normalised text: from its cue to the clause end (the last doer
   * named), so a word said before it ("Drop the card number here and I'll process it") is not its act.
   * Absent for `unknown` and for an ask (the whole clause is the listener's).
   */
  nscope: Span | undefined;
}

export interface Clause {
  index: number;
  /** The clause text as said (original characters, trimmed). */
  text: string;
  span: Span;
  nspan: Span;
  /** Indices [from, to) into `LineAnalysis.tokens`. */
  tokens: [number, number];
  /** Opens a sentence (after 。.!? or a line start), not after a comma or a conjunction. */
  sentenceStart: boolean;
  marks: Mark[];
  /**
   * Who does the clause's main verb (actor.lexicon.json): an ask of the listener anywhere in it
   * (请, 麻烦, 发给我, can you…) makes the listener the doer; otherwise the last doer named
   * (小妹这边帮您…, 您收到后…, I'm sending…, the courier will…), or `unknown`.
   */
  actor: Actor;
  /** Lexicon matches inside this clause (all classes, marks' cues included). */
  matches: LexiconMatch[];
}

export interface LineAnalysis {
  text: string;
  norm: string;
  lang: Language | undefined;
  masks: Mask[];
  numbers: NumberToken[];
  tokens: Token[];
  clauses: Clause[];
  matches: LexiconMatch[];
  /** Original span of the normalised range [s, e). */
  toOriginal(s: number, e: number): Span;
}
