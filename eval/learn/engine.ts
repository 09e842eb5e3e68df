/**
 * Today's engine's flags on the development sets (the shipped rules + semantic layer, offline, as
 * `kefu analyze` runs it; "veto:category@line" for candidates a rule vetoed), cached in .scratch/ keyed by a hash of the compliance and language code
 * and data, so reruns of the leave-one-set-out scorer do not pay for them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComplianceDetector } from '../../pipelines/compliance/index.js';
import { type EngineFlags, callKey, hashSources } from './common.js';
import { type Call, DEV_SETS, repo } from './dataset.js';

function codeHash(): string {
  const h = createHash('sha256');
  for (const d of ['pipelines/compliance', 'pipelines/language', 'pipelines/embed']) hashSources(h, join(repo, d));
  return h.digest('hex').slice(0, 16);
}

export async function engineFlags(calls: readonly Call[]): Promise<EngineFlags> {
  const file = join(repo, '.scratch', `learn-engine-v2-${codeHash()}.json`);
  const cached: Record<string, string[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const detector = new ComplianceDetector({ learned: false });
  let fresh = false;
  const out: EngineFlags = new Map();
  for (const c of calls) {
    const key = callKey(c);
    if (!cached[key]) {
      const seen = await detector.inspect(c.lines);
      const keys = seen.flatMap((f) =>
        f.accepted
          ? [`${f.category}@${f.utterance}`]
          : f.droppedBy === 'rule'
            ? [`veto:${f.category}@${f.utterance}`]
            : [],
      );
      cached[key] = [...new Set(keys)];
      fresh = true;
    }
    out.set(key, new Set(cached[key]));
  }
  if (fresh) {
    mkdirSync(join(repo, '.scratch'), { recursive: true });
    writeFileSync(file, JSON.stringify(cached));
  }
  return out;
}

/**
 * Each blind-time set's flags by the engine of the commit at which it was still blind
 * (blind-engine/<set>.json, blind-engine.sh): the engine the held-out scores are added to.
 */
export function blindEngine(): EngineFlags {
  const out: EngineFlags = new Map();
  for (const s of DEV_SETS.filter((x) => x.startsWith('blind-'))) {
    const flags = JSON.parse(readFileSync(join(repo, 'eval', 'learn', 'blind-engine', `${s}.json`), 'utf8'));
    for (const [k, v] of Object.entries(flags as Record<string, string[]>)) out.set(k, new Set(v));
  }
  return out;
}
