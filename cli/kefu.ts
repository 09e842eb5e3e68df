import { parseArgs } from 'node:util';
import { isKefuError } from '../core/errors.js';
import { terminalSafe } from './terminal-safe.js';
import type { Command } from './command.js';
import { agentCommand } from './commands/agent.js';
import { analyzeCommand } from './commands/analyze.js';
import { auditCommand } from './commands/audit.js';
import { replayCommand } from './commands/replay.js';
import { migrateCommand } from './commands/migrate.js';
import { orderEventsCommand } from './commands/order-events.js';
import { seedCommand } from './commands/seed.js';
import { startCommand } from './commands/start.js';
import { tokenCommand } from './commands/token.js';

const COMMANDS: Command[] = [
  startCommand,
  migrateCommand,
  seedCommand,
  analyzeCommand,
  replayCommand,
  auditCommand,
  orderEventsCommand,
  tokenCommand,
  agentCommand,
];

// Everything printed passes terminalSafe: messages quote input lines, which may carry escapes.
const log = (line: string) => process.stderr.write(`${terminalSafe(line)}\n`);
const out = (text: string) => {
  const safe = terminalSafe(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
};
// terminalSafe reads one UTF-16 unit at a time, so a text made safe in pieces is the whole made safe.
const write = (chunk: string) => process.stdout.write(terminalSafe(chunk));

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: kefu <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "kefu <command> --help" for a command\'s options.',
  ].join('\n');
}

function commandUsage(c: Command): string {
  return [`Usage: ${c.usage}`, '', c.summary, ...(c.details ? ['', c.details] : [])].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(mainUsage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    log(`kefu: unknown command "${name}"\n\n${mainUsage()}`);
    return 2;
  }
  let parsed: { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    log(`kefu ${name}: ${(err as Error).message}\n\n${commandUsage(command)}`);
    return 2;
  }
  if (parsed.values.help) {
    out(commandUsage(command));
    return 0;
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    log(`kefu ${name}: expected ${expected} argument(s), got ${parsed.positionals.length}\n\n${commandUsage(command)}`);
    return 2;
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals, log, out, write });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (isKefuError(err)) {
    log(`kefu: ${err.message}`);
    // Exit 2: what the person typed or configured is wrong; exit 1: something failed while running.
    process.exitCode = ['CONFIG_INVALID', 'USAGE', 'INPUT_INVALID', 'NOT_FOUND', 'DB_IN_USE'].includes(err.code)
      ? 2
      : 1;
  } else {
    log(`kefu: unexpected error: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  }
}
