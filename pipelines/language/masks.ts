/** Typed spans (links, e-mails, handles, platform masks, phones, long digit runs) found before anything else. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KefuError } from '../../core/errors.js';
import { DATA_DIR } from './lexicon.js';
import { type MaskFile, MaskFileSchema } from './lexicon-schema.js';
import type { MaskKind, Span } from './types.js';
import { regexMatches } from './regex-matches.js';
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

/** Non-overlapping masks in the normalised text, in order; an earlier file entry wins an overlap. */
export function findMasks(norm: string): FoundMask[] {
  const taken: FoundMask[] = [];
  const free = (s: number, e: number) => taken.every((m) => e <= m.nspan[0] || s >= m.nspan[1]);
  for (const mask of masks()) {
    mask.re.lastIndex = 0;
    for (const m of regexMatches(mask.re, norm)) {
      // A sentence's full stop is not part of the link before it.
      const text = m[0].replace(/[.,;:!?)]+$/, '');
      const s = m.index;
      const e = s + text.length;
      if (e > s && free(s, e))
        taken.push({
          kind: mask.kind,
          ...(mask.field && { field: mask.field }),
          ...(mask.class && { class: mask.class }),
          nspan: [s, e],
        });
    }
  }
  return taken.sort((a, b) => a.nspan[0] - b.nspan[0]);
}
