/**
 * Word segmentation: jieba (@node-rs/jieba) with its default dictionary plus an e-commerce user
 * dictionary (data/user-dict.txt), loaded once on first use (~200 ms). jieba keeps every input
 * character, so token offsets are running sums of token lengths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { DATA_DIR } from './lexicon.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    // The package's dict entry point is CommonJS without an `exports` map for ESM subpaths.
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(join(DATA_DIR, 'user-dict.txt')));
  }
  return jieba;
}

/** Words of `text` as [start, end) offsets into it; whitespace-only pieces are dropped. */
export function segment(text: string): [number, number][] {
  if (!text) return [];
  const out: [number, number][] = [];
  let at = 0;
  for (const piece of segmenter().cut(text, true)) {
    if (piece.trim()) out.push([at, at + piece.length]);
    at += piece.length;
  }
  return out;
}
