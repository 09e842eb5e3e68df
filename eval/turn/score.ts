/**
 * Turn detector measurement (issue 17, decision 0316): recall of `turnLooksComplete` on whole
 * customer lines and its false-complete rate on prefixes cut where the words promise more.
 * Rules in eval/turn/README.md. Usage: npx tsx eval/turn/score.ts [--show N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLine } from '../../pipelines/language/index.js';
import { turnLooksComplete } from '../../pipelines/speech/turn.js';

// Development sets only (the blind sets abuse-l, blind-t, blind-u, blind-w are never read).
const SETS = ['blind-c', 'blind-d', 'blind-e', 'blind-f', 'blind-g', 'analyze', 'analyze-b'];
const ROOT = join(import.meta.dirname, '..');

/** As an ASR gives it: lowercase, no punctuation (apostrophes in words kept), single spaces. */
export function asAsr(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]|(?<![\p{L}])'|'(?![\p{L}])/gu, ' ')
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// Closed-class words after which a clause cannot end (grammar, not the detector's lexicon):
// coordinating and subordinating conjunctions, prepositions, articles, possessive determiners,
// the infinitive marker, copulas and modals without their complement.
const EN_OPEN = new Set(
  `and but or nor because since although though unless if when while whereas so that which who whose
   the a an my your our their his her its this these those some any every
   to of for with in on at from by about into onto over under after before between through during without
   until than as per via
   is are was were am be been being can could would will should must might may shall do does did have has
   i'm i've i'd you're we're it's there's please`
    .split(/\s+/)
    .filter(Boolean),
);
// Chinese: conjunctions, prepositions/coverbs, 的 as an attributive marker, copula 是 and
// want-verbs that take an object.
const ZH_OPEN = [
  '和',
  '跟',
  '与',
  '或者',
  '因为',
  '但是',
  '可是',
  '而且',
  '所以',
  '如果',
  '还有',
  '就是',
  '然后',
  '把',
  '被',
  '给',
  '对',
  '在',
  '从',
  '向',
  '的',
  '是',
  '想',
  '要',
  '我想',
  '我要',
  '为了',
  '关于',
];
// 的 also ends complete predicates (是的, 不会删的, 三十个装的): only the possessive 的 after a
// pronoun (我的, 你们的 …), which needs its noun, is a cut point.
const ZH_DE_OPEN = /(?:我|你|您|他|她|它)们?的$/u;

interface Line {
  set: string;
  text: string;
}

function customerLines(): Line[] {
  const out: Line[] = [];
  for (const set of SETS) {
    const dir = join(ROOT, set, 'calls');
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.jsonl'))
      .sort())
      for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!raw.trim()) continue;
        const u = JSON.parse(raw) as { speaker: string; text: string };
        const text = asAsr(u.text);
        if (u.speaker === 'customer' && text) out.push({ set, text });
      }
  }
  return out;
}

/** Prefixes of a line cut right after a word that promises more, or inside a digit run. */
export function openPrefixes(text: string): string[] {
  const cuts = new Set<string>();
  const isZh = /\p{Script=Han}/u.test(text);
  if (!isZh) {
    const w = text.split(' ');
    for (let i = 1; i < w.length - 1; i++) if (EN_OPEN.has(w[i]!)) cuts.add(w.slice(0, i + 1).join(' '));
  } else {
    for (const cue of ZH_OPEN)
      for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
        const end = at + cue.length;
        const p = text.slice(0, end).trim();
        if (end >= text.length || p.length < 2) continue;
        if (cue === '的' && !ZH_DE_OPEN.test(p)) continue;
        cuts.add(p);
      }
  }
  // A number cut mid-way: half of each run of 6+ digits.
  for (const m of text.matchAll(/\d{6,}/g)) cuts.add(text.slice(0, m.index! + Math.floor(m[0].length / 2)).trim());
  return [...cuts];
}

/**
 * Prefixes of a line that end where one of its inner clauses ends (the language layer's clause
 * split, not the turn lexicon): where a speaker may pause mid-turn. Whether such a prefix is a
 * finished turn is open, so this is no error rate: a detector that calls more of them complete
 * splits more turns, whatever its lexicon lists.
 */
export function innerClausePrefixes(text: string): string[] {
  const a = analyzeLine(text);
  return a.clauses
    .slice(0, -1)
    .map((c) => text.slice(0, c.span[1]).trim())
    .filter((p) => p.length > 0 && p !== text);
}

const words = (t: string) => (/\p{Script=Han}/u.test(t) ? [...t.replace(/\s/g, '')].length / 2 : t.split(' ').length);

function main() {
  const show = Number(process.argv[process.argv.indexOf('--show') + 1]) || 0;
  const lines = customerLines();
  const seen = new Set<string>();
  const pos = lines.filter((l) => !seen.has(l.text) && seen.add(l.text));
  const neg = [...new Set(pos.flatMap((l) => openPrefixes(l.text)))].filter((p) => !seen.has(p));
  const row = (name: string, items: string[], want: boolean) => {
    const hits = items.filter((t) => turnLooksComplete(t) === want);
    const miss = items.filter((t) => turnLooksComplete(t) !== want);
    const rate = want ? hits.length / items.length : miss.length / items.length;
    console.log(
      `${name.padEnd(34)} ${String(want ? hits.length : miss.length).padStart(5)} / ${String(items.length).padEnd(5)} ${(100 * rate).toFixed(1)} %`,
    );
    return miss;
  };
  const en = (t: string) => !/\p{Script=Han}/u.test(t);
  const long = (t: string) => words(t) >= 3;
  /** The all / en / zh rows of one group; returns what the "all" row missed. */
  const byLanguage = (items: string[], want: boolean) => {
    const missed = row('  all', items, want);
    row('  en', items.filter(en), want);
    row(
      '  zh',
      items.filter((t) => !en(t)),
      want,
    );
    return missed;
  };
  const P = pos.map((l) => l.text);
  console.log('positives (whole customer lines): recall');
  const missP = byLanguage(P, true);
  row('  3+ words (zh: 6+ characters)', P.filter(long), true);
  console.log('negatives (prefixes cut where more is promised): false-complete');
  const missN = byLanguage(neg, false);
  const inner = [...new Set(pos.flatMap((l) => innerClausePrefixes(l.text)))].filter((p) => !seen.has(p));
  console.log('inner clause ends (prefixes ending where an inner clause ends): called complete');
  row('  all', inner, false);
  if (show) {
    console.log('\nmissed positives:', missP.slice(0, show));
    console.log('\nfalse-complete negatives:', missN.slice(0, show));
  }
}
main();
