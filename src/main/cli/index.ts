import { startEngineThread } from '../engine/thread';
import { helpText, parseCommandArgs, UsageError, type Command, type CommandIo } from './command';
import { engineSession, type EngineStarter } from './engine-session';
import {
  cascadesCommand,
  compareCommand,
  disagreementsCommand,
  distributionCommand,
  egoCommand,
  whatIfCommand,
} from './commands/analysis';
import { datasetCommand, datasetsCommand } from './commands/datasets';
import { importCommand } from './commands/import';
import { explainCommand, runsCommand, scoresCommand } from './commands/runs';
import { modelsCommand, rerunCommand, scoreCommand } from './commands/scoring';
import { sensitivityCommand } from './commands/sensitivity';
import { windowsCommand } from './commands/windows';
import { auditCommand } from './commands/audit';
import { generateCommand } from './commands/generate';
import { placesCommand, topCommand, topicsCommand } from './commands/topics';
import { confirmOnTerminal } from './confirm';
import { terminalSafe, terminalSafeWriter } from './terminal-safe';

/**
 * The CLI's own commands, in the order `lens --help` lists them. `serve` and `start`, which start the server or
 * the desktop app, sit above the CLI in the layer order: the executable (main.ts) appends them.
 */
export const commands: readonly Command[] = [
  importCommand,
  datasetsCommand,
  datasetCommand,
  modelsCommand,
  scoreCommand,
  runsCommand,
  scoresCommand,
  explainCommand,
  rerunCommand,
  sensitivityCommand,
  compareCommand,
  disagreementsCommand,
  distributionCommand,
  whatIfCommand,
  cascadesCommand,
  egoCommand,
  windowsCommand,
  auditCommand,
  topicsCommand,
  topCommand,
  placesCommand,
  generateCommand,
];

/** Where a CLI invocation writes, and how it starts its engine (tests may start one on a fake channel). */
export interface CliIo extends Omit<CommandIo, 'engine'> {
  startEngine: EngineStarter;
}

export const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  startEngine: startEngineThread,
  confirm: confirmOnTerminal,
};

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ['Influence Lens: audit social-influence scores on your own data, offline.', '',
    'Usage: lens <command> [options]   (npm run -s lens -- <command> ...)', '', 'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), '',
    'Every command takes --db PATH and --help.'].join('\n');
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 wrong usage. The command's service calls
 * go to one engine thread, started by its first call and stopped here when the command is done.
 */
export async function runCli(argv: string[], rawIo: CliIo = defaultIo, table: readonly Command[] = commands): Promise<number> {
  // The one place output leaves the CLI: every line any command (or this function) prints is made terminal-safe.
  const io = { ...rawIo, out: terminalSafeWriter(rawIo.out), err: terminalSafeWriter(rawIo.err) };
  const confirm = rawIo.confirm && ((question: string) => rawIo.confirm!(terminalSafe(question)));
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview(table));
    return 0;
  }
  const command = table.find((c) => c.name === name);
  if (!command) {
    io.err(`lens: unknown command "${name}"; commands: ${table.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const session = engineSession(io.startEngine);
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(helpText(command));
      return 0;
    }
    return await command.run(args, { out: io.out, err: io.err, engine: session.engine, confirm });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lens: ${error.message}`);
      return 2;
    }
    io.err(`lens: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await session.stop();
  }
}
