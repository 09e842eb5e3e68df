/** Typed spans (links, e-mails, handles, platform masks, phones, long digit runs) found before anything else. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KefuError } from '../../core/errors.js';
import { DATA_DIR } from './lexicon.js';
import { type MaskFile, MaskFileSchema } from './lexicon-schema.js';
import type { MaskKind, Span } from './types.js';
import { stepPastEmpty } from './regex-matches.js';
import { foldScript } from './script-fold.js';

export interface CompiledMask {
  ref: string;
  kind: MaskKind;
  field?: string;
  class?: string;
  re: RegExp;
}

/** Parses the mask file's text; `file` only labels errors. */
export function compileMaskFile(file: string, text: string): CompiledMask[] {
  let data: MaskFile;
  try {
    const parsed = MaskFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${issue.path.join('.')}: ${issue.message}`);
    }
    data = parsed.data;
  } catch (err) {
    throw new KefuError('CONFIG_INVALID', `Mask file ${file}: ${(err as Error).message}`);
  }
  return data.entries.map((e) => {
    try {
      const mask: CompiledMask = {
        ref: `${e.id}@${data.version}`,
        kind: e.kind,
        re: new RegExp(foldScript(e.pattern), 'giu'),
      };
      if (e.field) mask.field = e.field;
      if (e.class) mask.class = e.class;
      return mask;
    } catch (err) {
      throw new KefuError('CONFIG_INVALID', `Mask file ${file} entry ${e.id}: bad pattern (${(err as Error).message})`);
    }
  });
}

let compiled: CompiledMask[] | undefined;
function masks(): CompiledMask[] {
  compiled ??= compileMaskFile('masks.json', readFileSync(join(DATA_DIR, 'masks.json'), 'utf8'));
  return compiled;
}

export interface FoundMask {
  kind: MaskKind;
  field?: string;
  class?: string;
  nspan: Span;
}

/** A sentence's stop after a link (made once, not per match: a RegExp literal is a new object each time). */
const TRAILING_STOP = /[.,;:!?)]+$/;

/** Non-overlapping masks in the normalised text, in order; an earlier file entry wins an overlap. */
export function findMasks(norm: string): FoundMask[] {
  const taken: FoundMask[] = [];
  const all = masks();
  // Indexed, `exec` run directly (regexMatches' steps): no generator per mask file entry per line.
  for (let k = 0; k < all.length; k++) {
    const mask = all[k]!;
    const re = mask.re;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      if (m[0] === '') {
        stepPastEmpty(re, norm);
        continue;
      }
      // A sentence's full stop is not part of the link before it.
      const text = m[0].replace(TRAILING_STOP, '');
      const s = m.index;
      const e = s + text.length;
      if (e > s && free(taken, s, e))
        // One shape for every mask (a field or class it lacks is undefined, which JSON leaves out).
        taken.push({ kind: mask.kind, field: mask.field || undefined, class: mask.class || undefined, nspan: [s, e] });
    }
    re.lastIndex = 0;
  }
  return taken.sort((a, b) => a.nspan[0] - b.nspan[0]);
}

/** Whether [s, e) overlaps no mask taken so far. */
function free(taken: readonly FoundMask[], s: number, e: number): boolean {
  for (let k = 0; k < taken.length; k++) if (e > taken[k]!.nspan[0] && s < taken[k]!.nspan[1]) return false;
  return true;
}
