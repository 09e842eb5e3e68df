import { auditRead } from '../../api/read-audit.js';
import { Hono } from 'hono';
import { FlagClipQuerySchema, flagClip } from '../../../../pipelines/recording/flag-clip.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { sendBytes } from '../../api/byte-range.js';
import { parse } from '../../api/http.js';
import { IdParamSchema } from '../cases/schema.js';

/** A flag's evidence as audio, for whoever may see the flag (README: Call audio). */
export function flagRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/:id/clip', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const query = parse(FlagClipQuerySchema, c.req.query());
    const { wav, clip, flag } = await flagClip({ sql: deps.sql, store: deps.audio }, actorOf(c), id, query);
    await auditRead(c, deps, { what: 'clip', id, merchantId: flag.merchantId });
    return sendBytes(c, wav, 'audio/wav', {
      // Where the flagged words sit inside the clip, so a player can start there without another request.
      'x-kefu-clip-from-ms': String(clip.fromMs),
      'x-kefu-flag-start-ms': String(flag.startMs),
      'x-kefu-flag-end-ms': String(flag.endMs),
      'cache-control': 'private, no-store',
    });
  });

  return r;
}
