import type { Config } from '../../core/config.js';
import type { LlmClient } from './contract.js';
import { OpenAiChatClient } from './openai-chat.js';

/** The configured chat model, or null: Kefu then runs its offline engines. */
export function createLlmClient(config: Config): LlmClient | null {
  if (!config.llm) return null;
  return new OpenAiChatClient({ apiKey: config.llm.apiKey, baseURL: config.llm.baseURL, model: config.llm.model });
}

/** One line for the start-up banner. */
export function describeLlm(config: Config): string {
  return config.llm
    ? `openai/${config.llm.model} at ${config.llm.baseURL ?? 'https://api.openai.com/v1'}`
    : 'none (offline templates; set OPENAI_API_KEY or OPENAI_BASE_URL for an LLM)';
}
