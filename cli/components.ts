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
      name: 'order events',
      value: config.platform.webhookSecret
        ? 'webhook POST /api/platform/order-events (HMAC-SHA256 signed); promise deadlines every minute'
        : 'webhook off (set KEFU_PLATFORM_WEBHOOK_SECRET); kefu order-events import FILE.jsonl; promise deadlines every minute',
    },
    {
      name: 'recording',
      value: config.recording.enabled
        ? `call audio to ${config.recording.store.kind === 'local' ? `local folder ${config.recording.store.dir}` : `S3 bucket ${config.recording.store.bucket}`}, kept ${config.recording.retentionDays} days${config.recording.offForMerchants.length ? `; off for ${config.recording.offForMerchants.length} merchants` : ''}`
        : 'off (KEFU_RECORDING=false): no call audio is stored',
    },
    {
      name: 'livekit',
      value: config.livekit
        ? `${config.livekit.url}, agent "${config.livekit.agentName}"`
        : 'not configured: live calls are off; recorded calls work with `kefu replay`',
    },
  ];
}
