/**
 * English chat spellings (u, ur, pls, 2moro, ill…) read as the words they stand for, from
 * data/chat-spellings.json. The normalised text and the rules' spaced view put the reading in place
 * of the token and map every character of it back to the token as written, as NFKC does for a
 * character it expands: evidence still quotes the words typed. See docs/decisions/0420.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import { parseKnowledge } from './knowledge-file.js';
import { countHan } from './language-id.js';
import { DATA_DIR } from './lexicon.js';
import { memoByText } from './text-memo.js';

const EntrySchema = z
  .object({
    id: z.string().min(1),
    written: z.array(z.string().min(1)).min(1),
    reads: z.string().min(1),
    lower: z.boolean().optional(),
    after: z.array(z.string()).optional(),
    before: z.array(z.string()).optional(),
    notAfter: z.array(z.string()).optional(),
    notBefore: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict();

export const ChatSpellingFileSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    boundaries: z
      .object({ open: z.string(), close: z.string(), sentenceEnd: z.string(), mask: z.string().default('') })
      .strict(),
    sets: z.record(z.string(), z.array(z.string().min(1))),
    entries: z.array(EntrySchema).min(1),
  })
  .strict();
export type ChatSpellingFile = z.infer<typeof ChatSpellingFileSchema>;

/** A token read as other words: original [start, end) and what it reads as. */
export interface ChatReading {
  start: number;
  end: number;
  reads: string;
}

/** Set names with a meaning of their own rather than a word list. */
const START = 'start';
const ANY_WORD = 'word';

interface Word {
  start: number;
  end: number;
  lower: string;
  /** A whole token: between whitespace or the file's punctuation, not inside a link, handle or code. */
  free: boolean;
  /** First word of a sentence. */
  first: boolean;
}

export interface ChatSpellings {
  read(text: string): ChatReading[];
}

/** Compiles the file's data; `file` only labels errors. Throws on a condition naming no set. */
export function compileChatSpellings(file: string, text: string): ChatSpellings {
  const data = parseKnowledge(file, text, ChatSpellingFileSchema);
  const sets = new Map(Object.entries(data.sets).map(([k, v]) => [k, new Set(v)]));
  for (const e of data.entries)
    for (const name of [...(e.after ?? []), ...(e.before ?? []), ...(e.notAfter ?? []), ...(e.notBefore ?? [])])
      if (name !== START && name !== ANY_WORD && !sets.has(name))
        throw new KefuError('CONFIG_INVALID', `${file} ${e.id}: no word set "${name}"`);
  const byWritten = new Map<string, ChatSpellingFile['entries']>();
  for (const e of data.entries) for (const w of e.written) byWritten.set(w, [...(byWritten.get(w) ?? []), e]);
  const { open, close, sentenceEnd, mask } = data.boundaries;

  const inSets = (word: Word | undefined, names: readonly string[], atStart: boolean): boolean =>
    names.some((n) =>
      n === START
        ? atStart
        : n === ANY_WORD
          ? word !== undefined && isWord(word.lower)
          : !!word && sets.get(n)!.has(word.lower),
    );

  const words = (line: string): Word[] => {
    const out: Word[] = [];
    let i = 0;
    let sentence = true;
    while (i < line.length) {
      if (!isAlnum(line.charCodeAt(i))) {
        if (sentenceEnd.includes(line[i]!)) sentence = true;
        i++;
        continue;
      }
      const start = i;
      // A masking character inside a word (f*cking, st*pid) is a hidden letter, not a boundary.
      while (i < line.length && (isAlnum(line.charCodeAt(i)) || (mask.includes(line[i]!) && masked(line, i)))) i++;
      const before = line[start - 1];
      const after = line[i];
      const free =
        (before === undefined || isSpace(before) || open.includes(before)) &&
        (after === undefined ||
          isSpace(after) ||
          close.includes(after) ||
          (after === '.' && (line[i + 1] === undefined || isSpace(line[i + 1]!))));
      out.push({ start, end: i, lower: line.slice(start, i).toLowerCase(), free, first: sentence });
      sentence = false;
    }
    return out;
  };

  return {
    read(line) {
      if (countHan(line) > 0) return [];
      const ws = words(line);
      const out: ChatReading[] = [];
      for (let k = 0; k < ws.length; k++) {
        const w = ws[k]!;
        const entries = w.free ? byWritten.get(w.lower) : undefined;
        if (!entries) continue;
        const written = line.slice(w.start, w.end);
        const prev = w.first ? undefined : ws[k - 1];
        const next = ws[k + 1]?.first ? undefined : ws[k + 1];
        const hit = entries.find(
          (e) =>
            (written === w.lower || (!e.lower && written === capitalised(w.lower))) &&
            (!e.after || inSets(prev, e.after, w.first)) &&
            (!e.before || inSets(next, e.before, false)) &&
            (!e.notAfter || !inSets(prev, e.notAfter, false)) &&
            (!e.notBefore || !inSets(next, e.notBefore, false)),
        );
        if (hit) out.push({ start: w.start, end: w.end, reads: hit.reads });
      }
      return out;
    },
  };
}

let compiled: ((text: string) => ChatReading[]) | undefined;

/** Chat spellings of a line, in order, as original spans with their readings. */
export function chatReadings(text: string): ChatReading[] {
  if (!compiled) {
    const spellings = compileChatSpellings(
      'chat-spellings.json',
      readFileSync(join(DATA_DIR, 'chat-spellings.json'), 'utf8'),
    );
    compiled = memoByText((t) => spellings.read(t));
  }
  return compiled(text);
}

/** Whether the masking run at i is followed by a letter or digit, so it stands inside a word. */
function masked(line: string, i: number): boolean {
  let j = i;
  while (j < line.length && !isAlnum(line.charCodeAt(j)) && !isSpace(line[j]!)) j++;
  return j < line.length && isAlnum(line.charCodeAt(j));
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(ch: string): boolean {
  return ch.trim() === '';
}

/** A word of letters (not a number or a code with digits). */
function isWord(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function capitalised(lower: string): string {
  return lower[0]!.toUpperCase() + lower.slice(1);
}
