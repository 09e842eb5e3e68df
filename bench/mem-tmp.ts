import { readFileSync } from 'node:fs';
import { Decoder } from '../pipelines/speech/pocketsphinx-ffi.js';
import { SERVICE_CALLS_VOCABULARY } from '../pipelines/speech/pocketsphinx.js';
import { DEBIAN_EN_US_MODEL } from '../pipelines/speech/pocketsphinx-ffi.js';
import { decoderArgvs, loadDecoderSettings } from '../pipelines/speech/decoder-settings.js';
const pss = () => Number(/Pss:\s+(\d+)/.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'))![1]) / 1024;
const arg = process.argv[2]!;
const vocab =
  arg === 'service-calls'
    ? SERVICE_CALLS_VOCABULARY
    : arg === 'general'
      ? undefined
      : { lm: arg + '/service-calls.lm', dict: arg + '/service-calls.dict' };
const argv = decoderArgvs(loadDecoderSettings()).full;
const base = pss();
const ds: Decoder[] = [];
const steps: number[] = [];
for (let i = 0; i < 3; i++) {
  const before = pss();
  ds.push(Decoder.create(DEBIAN_EN_US_MODEL, argv, { lmOf: ds[0], vocabulary: vocab }));
  steps.push(Math.round(pss() - before));
}
console.log(
  process.argv[2],
  'PSS per decoder (first, next, next) MB',
  steps.join(' / '),
  'total',
  Math.round(pss() - base),
);
