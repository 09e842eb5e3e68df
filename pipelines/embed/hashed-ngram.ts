import { type Embedder, normalize } from './contract.js';

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The offline embedder: features are hashed into a fixed number of buckets (the hashing trick),
 * with a sign hash so collisions cancel rather than pile up. Chinese has no spaces, so Han text
 * contributes character unigrams and bigrams; other scripts contribute words and character
 * trigrams of words (robust to inflection and STT misspellings). Term counts are dampened with
 * 1 + log(tf) so a repeated word does not dominate. It needs no model files and reads both
 * languages, at the quality of a lexical retriever (measured in `npm run bench`).
 */
export class HashedNgramEmbedder implements Embedder {
  readonly model: string;
  readonly languages = ['zh', 'en'] as const;

  constructor(readonly dims = 512) {
    this.model = `hashed-ngram-v1-${dims}`;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): number[] {
    const counts = new Map<string, number>();
    for (const f of features(text)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const v = new Array<number>(this.dims).fill(0);
    for (const [feature, tf] of counts) {
      const h = fnv1a(feature);
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      v[h % this.dims]! += sign * (1 + Math.log(tf));
    }
    return normalize(v);
  }
}

export function features(text: string): string[] {
  const out: string[] = [];
  for (const [token] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    if (HAN.test(token)) {
      const chars = [...token];
      chars.forEach((c, i) => {
        out.push(`c:${c}`);
        if (i + 1 < chars.length) out.push(`b:${c}${chars[i + 1]}`);
      });
    } else {
      out.push(`w:${token}`);
      const padded = `<${token}>`;
      for (let i = 0; i + 3 <= padded.length; i++) out.push(`t:${padded.slice(i, i + 3)}`);
    }
  }
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
