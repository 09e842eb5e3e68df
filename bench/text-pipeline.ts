import { pathToFileURL } from 'node:url';
import { loadConfig } from '../core/config.js';
import type { TranscriptLine } from '../core/domain.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { upsertMerchant } from '../db/queries/people.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { CallSession } from '../pipelines/session/call-session.js';
import { ms, percentile } from './stats.js';

const CUSTOMER = [
  '你好，我的订单号是 2406 1158 7736 219，昨天收到的苹果烂了三个，一共十个',
  '快递单号 SF1234567890123 显示三天了还没到，我都等急了',
  '洗衣机装好了但是一开机就漏水，能不能派师傅上门看看',
  'My order 7731904452 arrived yesterday and the left earbud is dead',
  'The package was supposed to come Monday, it is still not here',
  '少发了一双袜子，我付了 59 块',
  'Can I just get a refund? I paid $29 for it',
  '这个水壶用了两天就坏了，我要退货',
];
const MERCHANT = [
  '非常抱歉，我今天就给您退款',
  '您看我明天给您补发可以吗',
  'Sorry about that, I will ship a replacement by Friday',
  '师傅明天上午上门给您处理',
  'I will call you back within 2 hours',
  '您可以在平台申请售后，我这边马上同意',
  '您加我微信 abc8899，我私下转您钱',
  'If you leave five stars I will send you $5 back',
];

/** A long call: customer and merchant alternate, 3 s apart, cycling through realistic lines. */
export function longTranscript(n: number): TranscriptLine[] {
  return Array.from({ length: n }, (_, i) => {
    const pool = i % 2 === 0 ? CUSTOMER : MERCHANT;
    return {
      speaker: i % 2 === 0 ? 'customer' : 'merchant',
      text: pool[Math.floor(i / 2) % pool.length]!,
      startMs: i * 3000,
      endMs: i * 3000 + 2500,
    };
  });
}

/**
 * The text pipeline as a live call runs it: each utterance stored, extracted, checked for
 * compliance and (after customer lines) advised on, on an embedded database. Per-utterance
 * latency is the time `addUtterance` takes, which is the delay a merchant sees.
 */
export async function runTextPipelineBench(
  options: { utterances?: number; log?: (line: string) => void } = {},
): Promise<void> {
  const log = options.log ?? console.log;
  const n = options.utterances ?? 400;
  const db = await openDatabase({ kind: 'memory' });
  try {
    await migrate(db.sql);
    const analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql });
    await upsertMerchant(db.sql, { id: 'm-bench', name: 'bench' });
    const session = await CallSession.start(
      { sql: db.sql, analyzers, emit: () => {} },
      {
        room: `bench-${Date.now()}`,
        merchantId: 'm-bench',
        buyerId: 'b',
        startedAt: new Date(),
        timeZone: 'Asia/Shanghai',
      },
    );
    const lines = longTranscript(n);
    const took: number[] = [];
    const t0 = performance.now();
    for (const line of lines) {
      const t = performance.now();
      await session.addUtterance({ ...line, engine: 'transcript', confidence: null });
      took.push(performance.now() - t);
    }
    const total = performance.now() - t0;
    await session.end();
    const byRole = (role: string) => took.filter((_, i) => lines[i]!.speaker === role);
    log(`text pipeline, live call session on embedded PGlite, ${n} utterances (offline engines)`);
    log(`  throughput ${(n / (total / 1000)).toFixed(1)} utterances/s`);
    log(
      `  per utterance p50 ${ms(percentile(took, 50))}  p95 ${ms(percentile(took, 95))}  max ${ms(Math.max(...took))}`,
    );
    log(
      `  customer lines (with suggestions) p50 ${ms(percentile(byRole('customer'), 50))}  p95 ${ms(percentile(byRole('customer'), 95))}`,
    );
    log(
      `  merchant lines p50 ${ms(percentile(byRole('merchant'), 50))}  p95 ${ms(percentile(byRole('merchant'), 95))}`,
    );
    log(
      `  last 50 utterances p50 ${ms(percentile(took.slice(-50), 50))} (a long call stays as fast: extraction is windowed)`,
    );
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTextPipelineBench();
