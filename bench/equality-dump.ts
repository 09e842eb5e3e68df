/**
 * Proof that a speed change changes no judgment: every eval call's full `kefu analyze --json`
 * object, every abuse sentence's, and the language layer's analysis of every text the eval sets
 * and the language/notes/compliance tests hold, one line each, to compare byte for byte with
 * `cmp` between two checkouts or two commits (decision 0280).
 *
 *   npx tsx bench/equality-dump.ts OUT_DIR     (writes OUT_DIR/analyses.tsv and OUT_DIR/layer.jsonl)
 *
 * The blind sets (eval/abuse-l, blind-t, blind-u, blind-w) are never read; H to M and O to S were opened in sessions 9 to 19.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAnalyzer } from '../eval/analyze/in-process.js';
import { analyzeLine } from '../pipelines/language/index.js';

// Blind sets nobody but their writer opens (H to M and O to S are development sets since sessions 9 to 19).
const BLIND = new Set(['abuse-l', 'blind-t', 'blind-u', 'blind-w']);
const ZH_START = '2026-11-23T14:00:00+08:00';
const EN_START = '2026-11-23T11:00:00-05:00';

function evalSets(): string[] {
  return readdirSync('eval')
    .filter((d) => !BLIND.has(d) && statSync(join('eval', d)).isDirectory())
    .sort();
}

async function dumpAnalyses(): Promise<string[]> {
  const analyzer = await openAnalyzer();
  const out: string[] = [];
  for (const set of evalSets()) {
    const calls = join('eval', set, 'calls');
    if (existsSync(calls)) {
      for (const f of readdirSync(calls)
        .filter((x) => x.endsWith('.jsonl'))
        .sort()) {
        const expected = join('eval', set, 'expected', f.replace(/\.jsonl$/, '.json'));
        const startedAt = existsSync(expected)
          ? (JSON.parse(readFileSync(expected, 'utf8')).startedAt ?? ZH_START)
          : ZH_START;
        const file = join(calls, f);
        out.push(`${file}\t${JSON.stringify(await analyzer.analyze(readFileSync(file, 'utf8'), startedAt, file))}`);
      }
    }
    const sentences = join('eval', set, 'sentences.jsonl');
    if (existsSync(sentences)) {
      for (const l of readFileSync(sentences, 'utf8').split('\n')) {
        if (!l.trim()) continue;
        const s = JSON.parse(l);
        const line = JSON.stringify({ speaker: s.speaker ?? 'merchant', text: s.text, startMs: 0, endMs: 3000 });
        const at = s.lang === 'en' ? EN_START : ZH_START;
        out.push(`${set}:${s.id}\t${JSON.stringify(await analyzer.analyze(`${line}\n`, at, s.id))}`);
      }
    }
  }
  await analyzer.close();
  return out;
}

/** Every line text of the eval sets (not the blind ones) and every quoted string of the engines' tests. */
function layerTexts(): string[] {
  const texts = new Set<string>();
  const walk = (dir: string, take: (path: string) => void) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) {
        if (f !== 'node_modules' && f !== 'dist' && !f.startsWith('.') && !BLIND.has(f)) walk(p, take);
      } else take(p);
    }
  };
  walk('eval', (p) => {
    if (!p.endsWith('.jsonl')) return;
    for (const l of readFileSync(p, 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const x = JSON.parse(l);
      if (typeof x.text === 'string') texts.add(x.text);
    }
  });
  const QUOTED = /'([^'\n\\]{3,200})'|"([^"\n\\]{3,200})"/g;
  for (const dir of ['pipelines/language', 'pipelines/notes', 'pipelines/compliance', 'pipelines/suggest']) {
    walk(dir, (p) => {
      if (!p.endsWith('.test.ts')) return;
      for (const m of readFileSync(p, 'utf8').matchAll(QUOTED)) texts.add((m[1] ?? m[2]) as string);
    });
  }
  return [...texts].sort();
}

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: npx tsx bench/equality-dump.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const analyses = await dumpAnalyses();
writeFileSync(join(outDir, 'analyses.tsv'), `${analyses.join('\n')}\n`);
const texts = layerTexts();
const layer = texts.map((t) => JSON.stringify({ ...analyzeLine(t, { cache: false }), toOriginal: undefined }));
writeFileSync(join(outDir, 'layer.jsonl'), `${layer.join('\n')}\n`);
console.log(`${analyses.length} analyses, ${layer.length} language-layer texts → ${outDir}`);
process.exit(0);
