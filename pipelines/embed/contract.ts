/**
 * Text embedding engines. Every engine returns L2-normalised vectors so cosine similarity is a
 * dot product, and names its model precisely: vectors from different models are never compared.
 */
export interface Embedder {
  /** Stored beside every vector, e.g. 'hashed-ngram-v1-512' or 'openai/text-embedding-3-small'. */
  readonly model: string;
  readonly dims: number;
  /** Which languages it represents meaningfully. */
  readonly languages: readonly ('zh' | 'en')[];
  embed(texts: readonly string[]): Promise<number[][]>;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * `v` scaled to unit length IN PLACE, and returned: every caller hands it a vector it has just
 * built, so no second 512-number array is made per line (a zero vector is left as it is).
 */
export function normalize(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  if (norm !== 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
  return v;
}
