/**
 * Messages between the recognition pool and its worker threads. Both ends parse with these
 * schemas: a thread boundary is a boundary like any other.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../core/errors.js';
import { SpokenLanguageSchema, SttSegmentSchema } from './contract.js';
import { LocalEngineSpecSchema } from './engine-spec.js';

export const WorkerDataSchema = z.object({ spec: LocalEngineSpecSchema });

export const ToWorkerSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('open'), stream: z.number().int(), language: SpokenLanguageSchema }),
  z.object({
    t: z.literal('push'),
    stream: z.number().int(),
    data: z.instanceof(Int16Array),
    sampleRate: z.number().int().positive(),
    atMs: z.number().nonnegative(),
  }),
  /** `end` and `close` are answered by a `done` with the same `seq`. */
  z.object({ t: z.enum(['end', 'close']), stream: z.number().int(), seq: z.number().int() }),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryable: z.boolean(),
});

export const FromWorkerSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('unavailable'), error: WireErrorSchema }),
  z.object({ t: z.literal('segment'), stream: z.number().int(), segment: SttSegmentSchema }),
  z.object({ t: z.literal('done'), seq: z.number().int(), error: WireErrorSchema.optional() }),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
