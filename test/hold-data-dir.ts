// A process that owns a data folder until killed (db/ownership.test.ts): `tsx test/hold-data-dir.ts DIR [--silent]`.
import { claimDataDir } from '../db/ownership.js';

const [dir, flag] = process.argv.slice(2);
const claim = await claimDataDir(dir!);
if (claim.kind !== 'owner') throw new Error(`${dir} is already owned by pid ${claim.instance.pid}`);
if (flag !== '--silent') claim.publish({ dbUrl: 'postgres://postgres@127.0.0.1:1/postgres', apiUrl: null });
process.stdout.write('owned\n');
setInterval(() => {}, 60_000);
