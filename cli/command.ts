import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** Human-readable progress goes here (stderr), so stdout stays parseable. */
  log: (line: string) => void;
  out: (text: string) => void;
  /** Stdout as it is, no newline added: a large result printed in pieces (see json-pieces.ts). */
  write: (chunk: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  /** e.g. 'kefu analyze FILE --started-at ISO [--json]' */
  usage: string;
  /** One line per option, shown by --help. */
  details?: string;
  options: OptionSpec;
  positionals: { min: number; max: number };
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

export function defineCommand(c: Command): Command {
  return c;
}
