/**
 * Word error rate for measuring engines: (substitutions + deletions + insertions) / reference
 * words, after lowercasing and dropping punctuation. Chinese has no spaces, so each Han
 * character counts as a word (i.e. character error rate).
 */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\p{Script=Han}]/gu, ' $& ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export function wordErrors(reference: string, hypothesis: string): { errors: number; words: number; wer: number } {
  const ref = tokenize(reference);
  const hyp = tokenize(hypothesis);
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  const errors = prev[hyp.length]!;
  return { errors, words: ref.length, wer: ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : errors / ref.length };
}
