import { KefuError } from '../../core/errors.js';
import { defineCommand } from '../command.js';

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'Start a call: create the LiveKit room, record the call, dispatch the bot, print two join tokens.',
  usage: 'kefu token --merchant-id ID --buyer-id ID [--buyer-name NAME] [--order ID]… [--language zh|en]',
  details: [
    '--merchant-id ID   the merchant taking the call',
    '--buyer-id ID      the buyer calling',
    '--buyer-name NAME  the masked name the platform shows for the buyer (张**, z***g); pages show it',
    '--order ID         an order under discussion (repeat for several)',
    '--language zh|en   the spoken language, which picks the speech engine (default zh)',
    'Prints {"callId","room","url","merchant":{"identity","token"},"customer":{"identity","token"}}.',
  ].join('\n'),
  options: {
    'merchant-id': { type: 'string' },
    'buyer-id': { type: 'string' },
    'buyer-name': { type: 'string' },
    order: { type: 'string', multiple: true },
    language: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, log, out }) {
    const merchantId = values['merchant-id'];
    const buyerId = values['buyer-id'];
    if (typeof merchantId !== 'string' || typeof buyerId !== 'string')
      throw new KefuError('USAGE', '--merchant-id and --buyer-id are required');
    const buyerName = typeof values['buyer-name'] === 'string' ? values['buyer-name'] : undefined;
    const language = values.language ?? 'zh';
    if (language !== 'zh' && language !== 'en')
      throw new KefuError('USAGE', `--language must be zh or en, not "${String(language)}"`);
    const orderIds = Array.isArray(values.order) ? values.order.filter((o): o is string => typeof o === 'string') : [];
    const [{ startCall }, { withRuntime }] = await Promise.all([
      import('../../agent/control-plane.js'),
      import('../runtime.js'),
    ]);
    await withRuntime(log, async ({ config, db }) => {
      if (!config.livekit)
        throw new KefuError('CONFIG_INVALID', 'kefu token needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
      const started = await startCall(
        { sql: db.sql, livekit: config.livekit, recording: config.recording },
        { merchantId, buyerId, buyerName, orderIds, language, timeZone: config.timeZone },
      );
      log(`token: call ${started.callId} in room ${started.room}; bot "${config.livekit.agentName}" dispatched`);
      out(JSON.stringify(started, null, 2));
    });
    return 0;
  },
});
