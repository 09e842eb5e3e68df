/**
 * Vitest setup file of harvest-test-lines.ts (not part of any test run otherwise): every line the
 * promise tests give the engine is written to KEFU_HARVEST_FILE with whether the engine, whose
 * readings those tests pin down, read a promise on it.
 */
import { appendFileSync } from 'node:fs';
import { vi } from 'vitest';

vi.mock('../../pipelines/notes/promises.js', async (original) => {
  const m = await original<typeof import('../../pipelines/notes/promises.js')>();
  const out = process.env.KEFU_HARVEST_FILE!;
  type Ctx = Parameters<typeof m.findPromises>[1];
  const seen = (line: Parameters<typeof m.findPromisesInLine>[0], ctx: Ctx, n: number) =>
    appendFileSync(out, `${JSON.stringify({ speaker: line.speaker, text: line.text, promise: n > 0 })}\n`);
  return {
    ...m,
    findPromisesInLine: (...a: Parameters<typeof m.findPromisesInLine>) => {
      const found = m.findPromisesInLine(...a);
      seen(a[0], a[2], found.length);
      return found;
    },
    findPromises: (lines: Parameters<typeof m.findPromises>[0], ctx: Ctx) => {
      lines.forEach((l, i) => seen(l, ctx, m.findPromisesInLine(l, i, ctx).length));
      return m.findPromises(lines, ctx);
    },
  };
});
