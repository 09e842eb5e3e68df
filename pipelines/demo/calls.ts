import { readFile } from 'node:fs/promises';
import type { TranscriptLine } from '../../core/domain.js';
import { parseTranscriptJsonl } from '../transcript/jsonl.js';
import { fromPackageRoot } from '../../core/paths.js';

/** A scripted demo call: who it is between, which order it is about, and what was said. */
export interface DemoCall {
  name: string;
  merchantId: string;
  buyerId: string;
  /** The masked name the platform would pass with the call (core/buyer.ts). */
  buyerName: string;
  orderIds: string[];
  timeZone: string;
  file: string;
}

export const DEMO_CALLS: readonly DemoCall[] = [
  {
    name: 'zh-fruit-bad-apples',
    merchantId: 'm-guoyuan',
    buyerId: 'b-zhang',
    buyerName: '张**',
    orderIds: ['240611587736219'],
    timeZone: 'Asia/Shanghai',
  },
  {
    name: 'zh-appliance-kettle',
    merchantId: 'm-dianqi',
    buyerId: 'b-zhang',
    buyerName: '张**',
    orderIds: ['240609335120077'],
    timeZone: 'Asia/Shanghai',
  },
  {
    name: 'en-earbuds-left-bud',
    merchantId: 'm-gadgets',
    buyerId: 'b-jones',
    buyerName: 'j***s',
    orderIds: ['7731904452'],
    timeZone: 'America/Los_Angeles',
  },
].map((c) => ({ ...c, file: fromPackageRoot(`pipelines/demo/calls/${c.name}.jsonl`) }));

export async function readDemoCall(call: DemoCall): Promise<TranscriptLine[]> {
  return parseTranscriptJsonl(await readFile(call.file, 'utf8'), call.file);
}
