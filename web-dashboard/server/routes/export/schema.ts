import { z } from 'zod';
import { isTimeZone } from '../../../../core/config.js';
import { MerchantQuerySchema } from '../calls/schema.js';

/** An IANA time zone this runtime knows ("Asia/Shanghai"); anything else is refused, not guessed. */
const TimeZone = z.string().trim().min(1).max(64).refine(isTimeZone, 'an IANA time zone, e.g. Asia/Shanghai');

/**
 * What an export is written for: the reader's language (headers, labels, summaries' days) and time
 * zone (the page passes the browser's, the zone its own times are shown in).
 */
export const ExportQuerySchema = MerchantQuerySchema.extend({
  lang: z.enum(['zh', 'en']).default('zh'),
  tz: TimeZone.default('UTC'),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
