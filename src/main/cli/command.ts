import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EngineClient } from '../engine/client';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * The engine that owns the database `--db` names (else the default): every service call goes to it, so this
   * thread never touches SQLite. Started by the first call, one per CLI process (cli/engine-session.ts).
   */
  engine: (explicitPath?: string) => EngineClient;
  /**
   * Asks the user a yes/no question on the terminal; null when there is none to ask (stdin is not a TTY), so the
   * command can ask for an explicit flag instead. Absent in tests that never confirm.
   */
  confirm?: (question: string) => Promise<boolean | null>;
}

/** A CLI command: its words, help text, options and the adapter from parsed options to a service call. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: Options;
  allowPositionals?: boolean;
  run: (args: ParsedArgs, io: CommandIo) => Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export const commonOptions: Options = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export class UsageError extends Error {}

/** The `--run ID` option of the commands that read or redo a run. */
export function runIdOption(args: ParsedArgs, command: string): number {
  const run = Number(args.values.run);
  if (!Number.isInteger(run) || run < 1) throw new UsageError(`${command} needs --run ID (a run number from \`lens runs\`)`);
  return run;
}

/** Runs a command's body with the engine on the database named by --db (or the default). */
export function withEngine<T>(io: CommandIo, args: ParsedArgs, body: (engine: EngineClient) => Promise<T>): Promise<T> {
  return body(io.engine(args.values.db as string | undefined));
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...commonOptions, ...command.options },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see \`lens ${command.name} --help\``);
  }
}

export function helpText(command: Command): string {
  return [`Usage: lens ${command.usage}`, '', command.summary, ...(command.details ? ['', command.details] : []),
    '', '  --db PATH   the workbench database (default: INFLUENCE_LENS_DB, else the app data folder)',
    '  --help      this text'].join('\n');
}
