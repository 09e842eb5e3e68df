/**
 * A domain vocabulary for PocketSphinx, built from the project's own service-call text: the lines
 * read as a speaker would say them (digits spelled out), a trigram language model over the words
 * the pronunciation dictionary has (interpolated Kneser-Ney, written as a back-off ARPA file), and
 * the dictionary cut to those words. A search over ~2,000 words instead of ~79,000 has a smaller
 * lexicon tree per decoder (memory per call) and fewer word ends per frame (CPU per call-minute);
 * what it does to word errors is measured with `bench bot-wer` (decision 0700).
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A run of digits as a speaker reads it: up to three digits as a number, longer runs digit by digit. */
export function spellDigits(digits: string): string[] {
  if (digits.length > 3) return [...digits].map((d) => UNITS[Number(d)]!);
  const n = Number(digits);
  if (digits.length > 1 && digits.startsWith('0')) return [...digits].map((d) => UNITS[Number(d)]!);
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(UNITS[hundreds]!, 'hundred');
  if (rest >= 20) {
    words.push(TENS[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) words.push(UNITS[rest % 10]!);
  } else if (rest >= 10) words.push(TEENS[rest - 10]!);
  else if (rest > 0 || hundreds === 0) words.push(UNITS[rest]!);
  return words;
}

/** Symbols a speaker says as a word. */
const SAID: Readonly<Record<string, string>> = { '%': 'percent', '&': 'and', '+': 'plus' };

/**
 * One written line as the sentences a speaker would say: lowercased, digits spelled, `$12.50`
 * as "twelve dollars fifty", punctuation dropped; a sentence ends at . ? ! ; or a line break.
 */
export function spokenSentences(line: string): string[][] {
  const sentences: string[][] = [];
  for (const part of line
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[.?!;\n]+(?=\s|$)|[?!;\n]+/)) {
    const words: string[] = [];
    for (const token of part.match(/\$?\d+(?:[.,:]\d+)*|[a-z]+(?:'[a-z]+)*|[%&+]/g) ?? []) {
      if (/^[%&+]$/.test(token)) words.push(SAID[token]!);
      else if (/^\$?\d/.test(token)) {
        const money = token.startsWith('$');
        const [whole, ...rest] = token.replace(/^\$/, '').split(/[.:]/);
        words.push(...whole!.split(',').flatMap(spellDigits));
        if (money) words.push('dollars');
        for (const r of rest) words.push(...spellDigits(r));
      } else words.push(token);
    }
    if (words.length > 0) sentences.push(words);
  }
  return sentences;
}

/** Sentences cut where a word is outside the vocabulary (the model never proposes a word it can't say). */
export function inVocabulary(sentences: string[][], known: (word: string) => boolean): string[][] {
  const out: string[][] = [];
  for (const s of sentences) {
    let run: string[] = [];
    for (const w of s) {
      if (known(w)) run.push(w);
      else if (run.length > 0) {
        out.push(run);
        run = [];
      }
    }
    if (run.length > 0) out.push(run);
  }
  return out;
}

const BOS = '<s>';
const EOS = '</s>';

/** General English words and their unigram probabilities, mixed into the model's unigrams at `weight`. */
export interface Background {
  probs: ReadonlyMap<string, number>;
  weight: number;
}

/**
 * An interpolated Kneser-Ney trigram model of the sentences as an ARPA file (log10 probabilities,
 * four decimals, n-grams sorted), with one absolute discount per order. Interpolated estimates of
 * seen n-grams are stored as their probability and each history's left-over mass as its back-off
 * weight, so a decoder backing off computes the same interpolated model.
 */
export function arpaModel(sentences: string[][], discount = 0.7, background?: Background): string {
  const D = discount;
  // Counts: trigrams by count; bigrams and unigrams by continuation (distinct left contexts), as KN.
  const tri = new Map<string, number>();
  const leftOfBigram = new Map<string, Set<string>>();
  const leftOfWord = new Map<string, Set<string>>();
  const bigramCount = new Map<string, number>();
  const add = (m: Map<string, Set<string>>, key: string, left: string) => {
    let s = m.get(key);
    if (!s) m.set(key, (s = new Set()));
    s.add(left);
  };
  for (const s of sentences) {
    const w = [BOS, ...s, EOS];
    for (let i = 1; i < w.length; i++) {
      const bigram = `${w[i - 1]} ${w[i]}`;
      bigramCount.set(bigram, (bigramCount.get(bigram) ?? 0) + 1);
      add(leftOfWord, w[i]!, w[i - 1]!);
      if (i >= 2) {
        const trigram = `${w[i - 2]} ${bigram}`;
        tri.set(trigram, (tri.get(trigram) ?? 0) + 1);
        add(leftOfBigram, bigram, w[i - 2]!);
      } else add(leftOfBigram, bigram, '');
    }
  }
  // A bigram's count for the middle order: its continuation count, or its count after <s> (no left context).
  const bigramKn = new Map<string, number>();
  for (const [bigram, lefts] of leftOfBigram)
    bigramKn.set(bigram, bigram.startsWith(`${BOS} `) ? bigramCount.get(bigram)! : lefts.size);

  // Unigrams: continuation probability, discounted, the mass spread evenly over the vocabulary.
  const uniTotal = [...leftOfWord.values()].reduce((sum, s) => sum + s.size, 0);
  const p1 = new Map<string, number>();
  for (const [w, lefts] of leftOfWord) p1.set(w, Math.max(lefts.size - D, 0) / uniTotal + D / uniTotal);
  // Words of the background mixed in at its weight (their probabilities renormalised over its words).
  if (background && background.probs.size > 0) {
    const z = [...background.probs.values()].reduce((sum, p) => sum + p, 0);
    for (const [w, p] of p1) p1.set(w, (1 - background.weight) * p);
    for (const [w, p] of background.probs) p1.set(w, (p1.get(w) ?? 0) + (background.weight * p) / z);
  }
  const vocab = [...p1.keys()].sort();

  // Bigrams.
  const byHistory = <T>(m: Map<string, T>, cut: (k: string) => string) => {
    const h = new Map<string, string[]>();
    for (const k of m.keys()) {
      const key = cut(k);
      const list = h.get(key);
      if (list) list.push(k);
      else h.set(key, [k]);
    }
    return h;
  };
  const bigramsOf = byHistory(bigramKn, (k) => k.slice(0, k.indexOf(' ')));
  const p2 = new Map<string, number>();
  const bow1 = new Map<string, number>();
  for (const [h, grams] of bigramsOf) {
    const total = grams.reduce((sum, g) => sum + bigramKn.get(g)!, 0);
    const gamma = (D * grams.length) / total;
    bow1.set(h, gamma);
    for (const g of grams) {
      const w = g.slice(g.indexOf(' ') + 1);
      p2.set(g, Math.max(bigramKn.get(g)! - D, 0) / total + gamma * p1.get(w)!);
    }
  }
  const prob2 = (g: string) => {
    const known = p2.get(g);
    if (known !== undefined) return known;
    const [h, w] = g.split(' ') as [string, string];
    return (bow1.get(h) ?? 1) * p1.get(w)!;
  };

  // Trigrams.
  const trigramsOf = byHistory(tri, (k) => k.slice(0, k.lastIndexOf(' ')));
  const p3 = new Map<string, number>();
  const bow2 = new Map<string, number>();
  for (const [h, grams] of trigramsOf) {
    const total = grams.reduce((sum, g) => sum + tri.get(g)!, 0);
    const gamma = (D * grams.length) / total;
    bow2.set(h, gamma);
    for (const g of grams) p3.set(g, Math.max(tri.get(g)! - D, 0) / total + gamma * prob2(g.slice(g.indexOf(' ') + 1)));
  }

  // Back-off weights in ARPA renormalise over the unseen: (1 - Σ seen p) / (1 - Σ seen p_lower).
  const arpaBow = (grams: string[] | undefined, p: Map<string, number>, lower: (g: string) => number) => {
    if (!grams) return 1;
    const seen = grams.reduce((sum, g) => sum + p.get(g)!, 0);
    const seenLower = grams.reduce((sum, g) => sum + lower(g.slice(g.indexOf(' ') + 1)), 0);
    return Math.max(1e-9, 1 - seen) / Math.max(1e-9, 1 - seenLower);
  };
  const log = (x: number) => Math.log10(x).toFixed(4);
  const unigramLines = [BOS, ...vocab].sort().map((w) => {
    const p = w === BOS ? '-99.0000' : log(p1.get(w)!);
    const bow = bigramsOf.has(w) ? `\t${log(arpaBow(bigramsOf.get(w), p2, (x) => p1.get(x)!))}` : '';
    return `${p}\t${w}${bow}`;
  });
  const bigramLines = [...p2.keys()].sort().map((g) => {
    const bow = trigramsOf.has(g) ? `\t${log(arpaBow(trigramsOf.get(g), p3, prob2))}` : '';
    return `${log(p2.get(g)!)}\t${g}${bow}`;
  });
  const trigramLines = [...p3.keys()].sort().map((g) => `${log(p3.get(g)!)}\t${g}`);
  return [
    '\\data\\',
    `ngram 1=${unigramLines.length}`,
    `ngram 2=${bigramLines.length}`,
    `ngram 3=${trigramLines.length}`,
    '',
    '\\1-grams:',
    ...unigramLines,
    '',
    '\\2-grams:',
    ...bigramLines,
    '',
    '\\3-grams:',
    ...trigramLines,
    '',
    '\\end\\',
    '',
  ].join('\n');
}

/** The dictionary's lines (with alternative pronunciations, `word(2)`) for the words, in its order. */
export function prunedDictionary(dictionary: string, words: ReadonlySet<string>): string {
  const kept = dictionary
    .split('\n')
    .filter((line) => line && words.has(line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '')));
  return `${kept.join('\n')}\n`;
}

/** The words a dictionary has (without alternatives' marks). */
export function dictionaryWords(dictionary: string): Set<string> {
  const words = new Set<string>();
  for (const line of dictionary.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) words.add(line.slice(0, space).replace(/\(\d+\)$/, ''));
  }
  return words;
}
