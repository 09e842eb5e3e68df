import type { Config } from '../core/config.js';
import type { Database } from '../db/client.js';

export interface Component {
  name: string;
  value: string;
}

/**
 * What Kefu is running with, so a person can tell offline fallbacks from configured services.
 * `engines` are the text pipeline's and speech router's own descriptions.
 */
export function describeComponents(config: Config, db: Database, engines: Record<string, string>): Component[] {
  return [
    { name: 'database', value: db.description },
    ...Object.entries(engines).map(([name, value]) => ({ name, value })),
    {
      name: 'livekit',
      value: config.livekit
        ? `${config.livekit.url}, agent "${config.livekit.agentName}"`
        : 'not configured: live calls are off; recorded calls work with `kefu replay`',
    },
  ];
}
