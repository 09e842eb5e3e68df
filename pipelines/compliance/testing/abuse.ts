import { expect } from 'vitest';
import type { SpeakerRole } from '../../../core/domain.js';
import type { ComplianceDetector } from '../detector.js';
import { flagsOnLast } from './calls.js';

/** The abuse tests' two checks, each text said alone by `speaker`, with the text named on failure. */
export function abuseExpectations(detector: ComplianceDetector) {
  return {
    /** Each text raises an abuse flag (other flags may come with it). */
    async expectAbuse(speaker: SpeakerRole, texts: string[]) {
      for (const text of texts)
        expect(
          (await flagsOnLast(detector, [speaker, text])).map((f) => f.category),
          text,
        ).toContain('abuse');
    },
    /** Each text raises no flag at all. */
    async expectClean(speaker: SpeakerRole, texts: string[]) {
      for (const text of texts) expect(await flagsOnLast(detector, [speaker, text]), text).toEqual([]);
    },
  };
}
