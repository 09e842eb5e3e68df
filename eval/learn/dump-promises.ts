/**
 * Run from the root of an OLDER checkout (blind-promises.sh copies it there): that checkout's
 * `kefu analyze` steps (its eval/analyze/in-process.ts) read each call of the development set in
 * SET_DIR (this checkout's eval/<set>, given as an absolute path); the output is the promises each
 * call recorded, for the promise leave-one-set-out (promise-loso.ts). The import is resolved at run
 * time, against the checkout it runs in.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [setDir, output] = process.argv.slice(2);
const { openAnalyzer } = await import(pathToFileURL(join(process.cwd(), 'eval/analyze/in-process.ts')).href);
const analyzer = await openAnalyzer();
const set = setDir!.split('/').at(-1)!;
const out: Record<string, unknown[]> = {};
for (const f of readdirSync(join(setDir!, 'expected')).sort()) {
  const name = f.slice(0, -'.json'.length);
  const { startedAt } = JSON.parse(readFileSync(join(setDir!, 'expected', f), 'utf8')) as { startedAt: string };
  const jsonl = readFileSync(join(setDir!, 'calls', `${name}.jsonl`), 'utf8');
  const got = (await analyzer.analyze(jsonl, startedAt, name)) as { promises: Record<string, unknown>[] };
  out[`${set}/${name}`] = got.promises.map(({ speaker, action, deadline, conditional, utterance }) => ({
    speaker,
    action,
    deadline,
    conditional,
    utterance,
  }));
}
await analyzer.close();
writeFileSync(output!, `${JSON.stringify(out, null, 0)}\n`);
