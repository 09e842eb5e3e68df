// Preload for `NODE_OPTIONS="--require <this file>"` (Node refuses --cpu-prof there): profiles
// every thread of every Node process it reaches (workers too) through node:inspector, writing a
// profile every 5 s to KEFU_PROFILE_DIR, so a process killed at the end of a call keeps all but
// its last seconds. Summarise with `npx tsx bench/bot-profile.ts <dir>` (decision 0202).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { threadId } = require('node:worker_threads');

const dir = process.env.KEFU_PROFILE_DIR;
const session = new inspector.Session();
if (dir) {
  session.connect();
  const argv = process.argv.slice(1).join(' ').slice(0, 200);
  let seq = 0;
  const flush = (restart) =>
    session.post('Profiler.stop', (err, res) => {
      if (!err && res) {
        const file = `${dir}/${process.pid}-${threadId}-${seq++}.cpuprofile`;
        try {
          writeFileSync(file, JSON.stringify({ argv, ...res.profile }));
        } catch {
          // A full or removed folder loses this chunk, never the process.
        }
      }
      if (restart) session.post('Profiler.start');
    });
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  setInterval(() => flush(true), 5000).unref();
  process.on('exit', () => flush(false));
}
