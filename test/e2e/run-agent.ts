// `kefu agent` as the e2e tests start it: the command itself, in a process of its own.
import { agentCommand } from '../../cli/commands/agent.js';

const healthPort = process.argv[2];
process.exitCode = await agentCommand.run({
  values: healthPort ? { 'health-port': healthPort } : {},
  positionals: [],
  log: (line) => process.stderr.write(`${line}\n`),
  out: (text) => process.stdout.write(text),
});
