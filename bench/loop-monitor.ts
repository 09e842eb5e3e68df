/**
 * What @livekit/agents' event-loop monitor costs a process by itself (decision 0775): agents loaded
 * and its logger started either way, the monitor (a 20 ms timer, a watchdog thread, a GC observer)
 * started or not, then 20 s of an idle loop. Run both at once, on and off:
 *   npx tsx bench/loop-monitor.ts on & npx tsx bench/loop-monitor.ts off & wait
 */
import { initializeLogger, telemetry } from '@livekit/agents';

const on = process.argv[2] === 'on';
initializeLogger({ pretty: false, level: 'fatal' });
if (on) telemetry.loopMonitor.startMonitoring({ name: 'worker', emitSpans: false });
const before = process.cpuUsage();
const keep = setInterval(() => {}, 1000);
await new Promise((resolve) => setTimeout(resolve, 20_000));
const used = process.cpuUsage(before);
console.log(
  `monitor ${on ? 'on ' : 'off'}: CPU ${((used.user + used.system) / 1000).toFixed(0)} ms over 20 s (all threads), RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
clearInterval(keep);
process.exit(0);
