import type { Config } from '../../core/config.js';
import type { Sql } from '../../db/client.js';
import { ComplianceDetector } from '../compliance/index.js';
import { defaultPromiseVeto } from '../learn/promise-veto.js';
import { createLlmClient, describeLlm } from '../llm/select.js';
import { NotesTracker } from '../notes/index.js';
import { LlmPromiseRecall } from '../recall/promises.js';
import { buildAdvisor, recallBudgetMs } from '../suggest/build.js';
import { buildSummarizer } from '../summary/build.js';
import type { CallAnalyzers } from './analyzers.js';
import { warmUp } from './warm-up.js';

/**
 * The text pipeline's stages from configuration: offline engines unless an LLM endpoint is
 * configured. With `sql`, policies are seeded into Postgres and retrieved with pgvector.
 */
export async function buildAnalyzers(options: {
  config: Config;
  sql?: Sql;
  /** Told when an LLM stage falls back to its offline engine. */
  onFallback?: (reason: string) => void;
  /**
   * Load the knowledge and compile the patterns now (warm-up.ts): for processes that then hear
   * live calls, whose first lines should not pay for it. ~1 s of CPU and ~20 MB at start.
   */
  warm?: boolean;
}): Promise<CallAnalyzers> {
  const llm = createLlmClient(options.config);
  const { advisor, describe } = await buildAdvisor({
    config: options.config,
    sql: options.sql,
    llm,
    onFallback: options.onFallback,
  });
  // The semantic layer's thresholds are tuned for the offline embedder, so it keeps that one.
  const detector = new ComplianceDetector({
    llm: llm ?? undefined,
    learned: options.config.compliance.learned,
  });
  const summarizer = buildSummarizer(llm, options.onFallback);
  const promiseVeto = options.config.notes.promiseVeto ? defaultPromiseVeto() : undefined;
  const promiseRecall = llm ? new LlmPromiseRecall(llm, recallBudgetMs(options.config)) : null;

  const analyzers: CallAnalyzers = {
    trackNotes: (ctx) =>
      new NotesTracker({
        startedAt: ctx.startedAt,
        timeZone: ctx.timeZone,
        knownOrderIds: ctx.orders.length > 0 ? ctx.orders.map((o) => o.id) : undefined,
        catalogue: ctx.orders.flatMap((o) => o.items.map((i) => i.name)),
        currency: ctx.orders[0]?.currency,
        promiseVeto,
      }),
    detectFlags: (lines, index) => detector.detectUtterance(lines, index),
    recallPromises: promiseRecall
      ? async (lines, index, ctx) => {
          const recalled = await promiseRecall.recall(lines, index, ctx);
          if (recalled.fallback) options.onFallback?.(`promise recall: ${recalled.fallback}`);
          return recalled.promises;
        }
      : undefined,
    advise: async (lines, index, ctx) => {
      const advice = await advisor.advise({
        lines,
        index,
        language: ctx.language,
        orders: ctx.orders,
        notes: ctx.notes,
        offered: ctx.offered,
        reading: ctx.reading,
        now: new Date(ctx.startedAt.getTime() + (lines[index]?.startMs ?? 0)),
      });
      return { suggestions: advice.suggestions, refundOptions: advice.refundOptions, ruledOut: advice.ruledOut };
    },
    summarize: (lines, findings, ctx) =>
      summarizer.summarize({
        language: ctx.language,
        lines,
        orderNumbers: findings.orderNumbers,
        promises: findings.promises,
        flags: findings.flags,
        refundOptions: findings.refundOptions,
        reading: ctx.reading,
      }),
    describe: () => ({
      llm: describeLlm(options.config),
      ...describe,
      ...(promiseRecall ? { promiseRecall: promiseRecall.name } : {}),
      compliance: detector.name,
      summary: summarizer.name,
    }),
  };
  if (!options.warm) return analyzers;
  const rules = detector.rules.rules.flatMap((r) => [...r.patterns, ...(r.previous?.patterns ?? [])]);
  await warmUp(analyzers, { detect: llm === null, advise: llm === null && !options.sql }, rules);
  return analyzers;
}
