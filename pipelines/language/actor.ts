/**
 * Who does a clause's main verb (decision 0790), read off the actor cues of `actor.lexicon.json`
 * that fall in the clause: an ask of the listener (`actor.ask`) anywhere in it makes the listener
 * the doer — a clause that states the shop's act and asks for the datum is still an ask; otherwise
 * the last doer named before a verb (`actor.self`, `actor.addressee`, `actor.third`) decides, as the
 * subject nearest the verb does ("您别急 我这边帮您核对一下": the shop checks). A question is an ask
 * too (帮您查一下好吗 asks a yes). No cue: `unknown`.
 *
 * `actorAsks()` (data/actor.json) names the asking words the compliance frames and the learned
 * layer's gate read: in a clause whose actor is the speaker they ask nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseKnowledge } from './knowledge-file.js';
import { DATA_DIR } from './lexicon.js';
import type { RawMatch } from './match.js';
import type { Actor, ActorKind, Mark, Span } from './types.js';

const ASK = 'mark.actor.ask';
const DOERS: ReadonlyMap<string, ActorKind> = new Map([
  ['mark.actor.self', 'self'],
  ['mark.actor.addressee', 'addressee'],
  ['mark.actor.third', 'third'],
]);

const UNKNOWN: Actor = { who: 'unknown', entry: undefined, span: undefined, nscope: undefined };

export function actorOf(
  clause: Span,
  matches: readonly RawMatch[],
  marks: readonly Mark[],
  toOriginal: (s: number, e: number) => Span,
): Actor {
  let last: RawMatch | undefined;
  for (const m of matches) {
    const cls = m.entry.class;
    if (cls === ASK)
      return { who: 'addressee', entry: m.entry.ref, span: toOriginal(m.nspan[0], m.nspan[1]), nscope: undefined };
    if (DOERS.has(cls) && (!last || m.nspan[0] >= last.nspan[0])) last = m;
  }
  const question = marks.find((m) => m.kind === 'question');
  if (question) return { who: 'addressee', entry: question.entry, span: question.span, nscope: undefined };
  if (!last) return UNKNOWN;
  return {
    who: DOERS.get(last.entry.class)!,
    entry: last.entry.ref,
    span: toOriginal(last.nspan[0], last.nspan[1]),
    nscope: [last.nspan[0], clause[1]],
  };
}

const AsksSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    asks: z.array(z.string().min(1)).min(1),
  })
  .strict();

const FILE = 'actor.json';
let loaded: ReadonlySet<string> | undefined;

/** Whether the span `n` (normalised) lies in what the speaker's own doer governs in the clause: an asking word there asks nothing. */
export function speakersOwn(actor: Actor, n: Span): boolean {
  const scope = actor.nscope;
  return actor.who === 'self' && scope !== undefined && n[0] >= scope[0] && n[1] <= scope[1];
}

/** The asking words (class names and `mark:<kind>`) that ask nothing in a clause the speaker does. */
export function actorAsks(): ReadonlySet<string> {
  loaded ??= new Set(parseKnowledge(FILE, readFileSync(join(DATA_DIR, FILE), 'utf8'), AsksSchema).asks);
  return loaded;
}
