import type { Config } from '../core/config.js';
import type { Database } from '../db/client.js';

export interface Component {
  name: string;
  value: string;
}

/** What Kefu is running with, so a person can tell offline fallbacks from configured services. */
export function describeComponents(config: Config, db: Database): Component[] {
  return [
    { name: 'database', value: db.description },
    {
      name: 'llm',
      value: config.llm
        ? `${config.llm.model} at ${config.llm.baseURL ?? 'https://api.openai.com/v1'}`
        : 'offline: rules, retrieval and templates (set OPENAI_API_KEY or OPENAI_BASE_URL for an LLM)',
    },
    {
      name: 'livekit',
      value: config.livekit
        ? `${config.livekit.url}, agent "${config.livekit.agentName}"`
        : 'not configured: live calls are off; recorded calls work with `kefu replay`',
    },
  ];
}
