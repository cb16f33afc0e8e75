import readline from 'node:readline/promises';

/**
 * Asks a yes/no question on the terminal (the question on stderr, so stdout stays the command's output). Null when
 * stdin is not a terminal: a pipe or a script cannot answer, and reading it could swallow input meant for
 * something else, so a command that needs a confirmation then asks for its --yes instead.
 */
export async function confirmOnTerminal(question: string): Promise<boolean | null> {
  if (!process.stdin.isTTY) return null;
  const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return isYes(await prompt.question(`${question} [y/N] `));
  } finally {
    prompt.close();
  }
}

/** Only an explicit yes counts; an empty answer (just Enter) is the default, no. */
export function isYes(answer: string): boolean {
  return /^\s*y(es)?\s*$/i.test(answer);
}
