import type { z } from 'zod';
import { type TranscriptLine, TranscriptLineSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';

/**
 * Parses a transcript in JSON Lines, one utterance per line:
 * {"speaker":"merchant"|"customer","text":"…","startMs":0,"endMs":1200}. Blank lines are skipped
 * but still counted, so an error's line number is the one an editor shows.
 */
export function parseTranscriptJsonl(text: string, source: string): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new KefuError('INPUT_INVALID', `${source}:${lineNo}: not valid JSON (${(cause as Error).message})`, {
        cause,
      });
    }
    const parsed = TranscriptLineSchema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => describeIssue(issue, value));
      throw new KefuError('INPUT_INVALID', `${source}:${lineNo}: ${problems.join('; ')}`);
    }
    if (parsed.data.endMs < parsed.data.startMs) {
      throw new KefuError(
        'INPUT_INVALID',
        `${source}:${lineNo}: field "endMs" (${parsed.data.endMs}) is before "startMs" (${parsed.data.startMs})`,
      );
    }
    lines.push(parsed.data);
  });
  if (lines.length === 0) throw new KefuError('INPUT_INVALID', `${source}: no utterances (the file is empty)`);
  return lines;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const field = issue.path.join('.');
  if (!field) return `expected a JSON object with speaker, text, startMs, endMs`;
  const present = typeof value === 'object' && value !== null && issue.path[0]! in value;
  return present ? `field "${field}" is invalid: ${issue.message}` : `missing field "${field}"`;
}
