/**
 * Sums the CPU profiles bench/cpu-profile.cjs wrote, per process and thread, by component (the
 * script or package a frame's self-time is spent in). Native (N-API) frames carry unreliable names
 * in V8 profiles: on a recognition thread they are PocketSphinx; on a main thread they are charged
 * to their nearest caller with a script (ONNX Runtime's run is the VAD, decision 0725).
 * Run: npx tsx bench/bot-profile.ts <dir> [pid…]
 */
import { readdirSync, readFileSync } from 'node:fs';

type Profile = {
  argv: string;
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

const COMPONENTS: [string, (fn: string, url: string, worker: boolean) => boolean][] = [
  ['PocketSphinx model load', (fn, url) => /pocketsphinx-ffi/.test(url) && fn === 'create'],
  [
    'PocketSphinx decoding',
    (fn, url, worker) => /pocketsphinx|koffi/.test(url) || (worker && url === '' && !fn.startsWith('(')),
  ],
  ['VAD (onnxruntime, Silero)', (_, url) => /onnxruntime|silero|audio\/vad/.test(url)],
  [
    'audio plumbing',
    (_, url) => /pipelines\/audio|speaker-stream|transcribe|recognizer-|time-order|agent\/recording/.test(url),
  ],
  [
    'rtc-node FFI + protobuf',
    (fn, url) => /rtc-node|bufbuild|livekit\/mutex|livekit\/protocol/.test(url) || fn === 'FfiHandle',
  ],
  ['agents-js', (_, url) => /livekit\/agents|opentelemetry/.test(url)],
  ['text pipeline', (_, url) => /pipelines\/|jieba/.test(url)],
  ['database', (_, url) => /postgres|\/db\//.test(url)],
  ['logging', (_, url) => /pino|sonic-boom/.test(url)],
  ['zod', (_, url) => /zod/.test(url)],
  [
    'module loading',
    (fn, url) =>
      /internal\/modules|realm|cjs-module-lexer/.test(url) ||
      ['wrapSafe', 'compileSourceTextModule', 'readFileUtf8', 'internalModuleStat', 'dlopen'].includes(fn),
  ],
  [
    'IPC (child process, thread messages)',
    (fn, url) => /child_process|serialization/.test(url) || fn === 'postMessage',
  ],
  ['garbage collector', (fn) => fn === '(garbage collector)'],
  ['native, unattributed', (fn, url) => fn === '(program)' || url === ''],
  ['other JS', () => true],
];

const [dir, ...pids] = process.argv.slice(2);
if (!dir) throw new Error('usage: npx tsx bench/bot-profile.ts <dir written by bench/cpu-profile.cjs> [pid…]');
const threads = new Map<string, { argv: string; ms: Map<string, number> }>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const [pid, thread] = file.split('-');
  if (pids.length > 0 && !pids.includes(pid!)) continue;
  const profile = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Profile;
  const key = `${pid}/${thread}`;
  const entry = threads.get(key) ?? { argv: profile.argv, ms: new Map<string, number>() };
  threads.set(key, entry);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id] as const)));
  /** A main thread's native frame is charged to its nearest caller with a script (ONNX Runtime's run, rtc-node's FFI…). */
  const charged = (id: number) => {
    const frame = nodes.get(id)!;
    if (thread !== '0' || frame.url !== '' || frame.functionName.startsWith('(')) return frame;
    for (let up = parents.get(id); up !== undefined; up = parents.get(up))
      if (nodes.get(up)!.url) return nodes.get(up)!;
    return frame;
  };
  profile.samples.forEach((id, i) => {
    const frame = charged(id);
    if (frame.functionName === '(idle)') return;
    const [component] = COMPONENTS.find(([, test]) => test(frame.functionName, frame.url, thread !== '0'))!;
    entry.ms.set(component, (entry.ms.get(component) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
}
const busy = (ms: Map<string, number>) => [...ms.values()].reduce((a, b) => a + b, 0);
for (const [key, { argv, ms }] of [...threads].sort((a, b) => busy(b[1].ms) - busy(a[1].ms))) {
  const total = busy(ms);
  if (total < 200) continue;
  console.log(`\n${key} ${total.toFixed(0)} ms busy ${argv.slice(0, 120)}`);
  for (const [component, t] of [...ms].sort((a, b) => b[1] - a[1]))
    if (t >= total / 100)
      console.log(
        `  ${component.padEnd(38)} ${t.toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(0).padStart(3)} %`,
      );
}
