import { type Config, DEFAULT_LLM_RECALL_BUDGET_MS } from '../../core/config.js';
import type { Sql } from '../../db/client.js';
import type { Embedder } from '../embed/contract.js';
import { selectEmbedder } from '../embed/select.js';
import type { LlmClient } from '../llm/contract.js';
import { createLlmClient } from '../llm/select.js';
import { LlmIssueRecall } from '../recall/issues.js';
import { Advisor } from './advise.js';
import type { SuggestionEngine } from './engine.js';
import { LlmSuggestionEngine } from './llm-engine.js';
import { OfflineSuggestionEngine } from './offline-engine.js';
import { DbPolicyRetriever, MemoryPolicyRetriever, seedPolicies } from './policy-store.js';

/** The LLM engine (falling back to templates) when an LLM is configured, else the templates. */
export function buildSuggestionEngine(llm: LlmClient | null, onFallback?: (reason: string) => void): SuggestionEngine {
  const offline = new OfflineSuggestionEngine();
  return llm ? new LlmSuggestionEngine(llm, offline, onFallback) : offline;
}

export interface BuiltAdvisor {
  advisor: Advisor;
  /** Banner lines, e.g. { suggestions: 'offline-templates over pgvector hashed-ngram-v1-512', embeddings: '…' }. */
  describe: Record<string, string>;
}

/**
 * Everything stage 3 needs, from Config. With `sql`, the knowledge base is seeded into Postgres
 * (upserts; cheap to repeat) and retrieved with pgvector; without it (e.g. `kefu analyze`), the
 * same policies are ranked in memory.
 */
export async function buildAdvisor(options: {
  config: Config;
  sql?: Sql;
  embedder?: Embedder;
  llm?: LlmClient | null;
  onFallback?: (reason: string) => void;
}): Promise<BuiltAdvisor> {
  const selected = options.embedder
    ? { embedder: options.embedder, description: options.embedder.model }
    : await selectEmbedder(options.config);
  const { embedder } = selected;
  let retriever: DbPolicyRetriever | MemoryPolicyRetriever;
  if (options.sql) {
    await seedPolicies(options.sql, embedder);
    retriever = new DbPolicyRetriever(options.sql, embedder);
  } else {
    retriever = await MemoryPolicyRetriever.create(embedder);
  }
  const llm = options.llm !== undefined ? options.llm : createLlmClient(options.config);
  const issueRecall = llm ? new LlmIssueRecall(llm, recallBudgetMs(options.config)) : undefined;
  const advisor = new Advisor({
    retriever,
    engine: buildSuggestionEngine(llm, options.onFallback),
    issueRecall,
    onFallback: options.onFallback,
  });
  const describe: Record<string, string> = { suggestions: advisor.describe(), embeddings: selected.description };
  if (issueRecall) describe.issueRecall = issueRecall.name;
  return { advisor, describe };
}

/** The configured recall budget, else the default (an LLM handed in without one, as tests do). */
export function recallBudgetMs(config: Config): number {
  return config.llm?.recallBudgetMs ?? DEFAULT_LLM_RECALL_BUDGET_MS;
}
