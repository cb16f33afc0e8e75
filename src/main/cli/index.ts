import { openDatabase } from '../store/db';
import { resolveDbPath } from '../store/paths';
import { helpText, parseCommandArgs, UsageError, type Command, type CommandIo } from './command';
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
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';

/** Every CLI command, in the order `lens --help` lists them. */
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
  serveCommand,
  startCommand,
];

export const defaultIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  openDb: (explicitPath) => openDatabase(resolveDbPath(explicitPath)),
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ['Influence Lens: audit social-influence scores on your own data, offline.', '',
    'Usage: lens <command> [options]   (npm run -s lens -- <command> ...)', '', 'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), '',
    'Every command takes --db PATH and --help.'].join('\n');
}

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`lens: unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(helpText(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lens: ${error.message}`);
      return 2;
    }
    io.err(`lens: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
