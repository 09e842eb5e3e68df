import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeLine } from '../pipelines/language/index.js';
import { ms, percentile } from './stats.js';

const DEMO = fileURLToPath(new URL('../pipelines/demo/calls/', import.meta.url));

/** Lines of the demo calls, plus register-real chat and ASR lines (masks, links, no punctuation). */
function lines(): string[] {
  const demo = readdirSync(DEMO)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(DEMO, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text?: string }).text)
    .filter((t): t is string => typeof t === 'string');
  return [
    ...demo,
    '亲这边帮您反馈给财务哈，稍后给您回电',
    '您看是退款还是换货呢',
    '好的亲我这边帮您看一下哈如果没货的话那我就给您退款',
    '[订单x] 已超出价保周期无法退差价哦',
    'Visit https://help.example.com/returns/20231105 and reply with your order number',
    "I'll escalate this to our team, you'll hear back within 24-48 hours",
  ];
}

/**
 * analyzeLine with the cache off: each call is a cold analysis of one line. On a shared, loaded
 * machine a wall-clock sample includes time the process was not scheduled, so each sample is also
 * taken as the best of `tries` back-to-back runs (the line's compute cost); both are printed.
 */
export async function runLanguageBench(
  rounds = 100,
  tries = 5,
): Promise<{ p50: number; p99: number; perSecond: number }> {
  const texts = lines();
  analyzeLine('预热：加载词典', { cache: false });
  const raw: number[] = [];
  const samples: number[] = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      let best = Infinity;
      for (let k = 0; k < tries; k++) {
        const s = performance.now();
        analyzeLine(t, { cache: false });
        const took = performance.now() - s;
        total += took;
        raw.push(took);
        best = Math.min(best, took);
      }
      samples.push(best);
    }
  }
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const perSecond = (raw.length / total) * 1000;
  console.log(
    `  analyzeLine (cold, ${texts.length} lines, mean ${chars.toFixed(0)} chars): best-of-${tries} p50 ${ms(p50)}, p99 ${ms(p99)}; every run p50 ${ms(percentile(raw, 50))}, p99 ${ms(percentile(raw, 99))}; ${perSecond.toFixed(0)} lines/s`,
  );
  return { p50, p99, perSecond };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLanguageBench();
