import fs from 'node:fs';
import path from 'node:path';
import type { ImportFormat } from '../../shared/domain';
import { ImportError } from './errors';
import { detectFormat } from './detect';

export interface PlannedFile {
  path: string;
  format: ImportFormat;
}

export interface ImportPlan {
  files: PlannedFile[];
  /** label.txt files of Twitter15/16 releases, recorded as sources alongside their trees. */
  labelFiles: string[];
  cascadeLabels: Map<string, string>;
}

/**
 * Turns the paths a user gave into the files to read, each with its format: a file as it is, a folder as a set of
 * propagation trees (a folder of tree files, or a release folder holding label.txt and tree/).
 */
export function planImport(paths: readonly string[], forced?: ImportFormat): ImportPlan {
  const plan: ImportPlan = { files: [], labelFiles: [], cascadeLabels: new Map() };
  for (const given of paths) {
    const full = path.resolve(given);
    if (!fs.existsSync(full)) throw new ImportError(given, {}, 'no such file or folder');
    if (fs.statSync(full).isDirectory()) {
      planTreeFolder(full, plan);
      continue;
    }
    plan.files.push({ path: full, format: forced ?? detectFormat(full) });
  }
  return plan;
}

function planTreeFolder(folder: string, plan: ImportPlan): void {
  const labelFile = path.join(folder, 'label.txt');
  const treeFolder = fs.existsSync(path.join(folder, 'tree')) ? path.join(folder, 'tree') : folder;
  const trees = fs
    .readdirSync(treeFolder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'label.txt')
    .map((entry) => path.join(treeFolder, entry.name))
    .filter((file) => isTreeFile(file))
    .sort();
  if (trees.length === 0) throw noTrees(folder, treeFolder);
  if (fs.existsSync(labelFile)) {
    readLabels(labelFile, plan.cascadeLabels);
    plan.labelFiles.push(labelFile);
  }
  for (const file of trees) plan.files.push({ path: file, format: 'tree' });
}

/**
 * A folder is read as propagation trees; one without any names its first file and that file's first line, which
 * is what a tree file would have shown (or says the folder holds no files at all).
 */
function noTrees(folder: string, treeFolder: string): ImportError {
  const files = fs.readdirSync(treeFolder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  const reason = "a folder is imported as propagation trees (Twitter15/16), but it holds no tree files (lines like ['uid', " +
    "'tweet_id', 'delay']->['uid', 'tweet_id', 'delay'])";
  const first = files.find((name) => name !== 'label.txt') ?? files[0];
  if (first === undefined) return new ImportError(folder, {}, `${reason}: the folder holds no files`);
  return new ImportError(path.join(treeFolder, first), { line: 1 }, `${reason}; ${files.length} file(s) in ${folder}, none a tree file`);
}

function isTreeFile(file: string): boolean {
  try {
    return detectFormat(file) === 'tree';
  } catch {
    return false;
  }
}

/** label.txt: one "label:source_tweet_id" per line. */
function readLabels(file: string, labels: Map<string, string>): void {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^\s*([^:]+):\s*(\d+)\s*$/.exec(line);
    if (!match) throw new ImportError(file, { line: index + 1 }, `expected "label:source_tweet_id", found ${JSON.stringify(line.slice(0, 60))}`);
    labels.set(match[2]!, match[1]!.trim());
  });
}
