/**
 * Word segmentation: jieba (@node-rs/jieba) with its default dictionary plus an e-commerce user
 * dictionary (data/user-dict.txt), loaded once on first use (~200 ms). jieba keeps every input
 * character, so token offsets are running sums of token lengths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { DATA_DIR } from './lexicon.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    // The dictionary file is read here and let go once jieba has parsed it, rather than through the
    // package's `dict` module, whose exports (the dictionary and an IDF table nothing here reads,
    // 11 MB) the module cache would hold for the life of the process (decision 0725).
    const dir = dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/dict'));
    jieba = Jieba.withDict(readFileSync(join(dir, 'dict.txt')));
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
