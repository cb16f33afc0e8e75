import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserModelInfo } from './info';

/**
 * Which user model files the user approved, by sha256, kept in the app's own data folder (never in a database, so
 * a database someone sends cannot approve anything): `approved-models.json`, mode 0600, beside the `models` folder.
 */
const Approvals = z.object({
  format: z.literal(1),
  models: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), approvedAt: z.string(), info: UserModelInfo })),
});
type Approvals = z.infer<typeof Approvals>;
export type Approval = Approvals['models'][number];

/** The only folder user models load from: `models` in the app data folder (store/paths.ts userDataDir). */
export const approvedModelsDir = (dataDir: string) => path.join(dataDir, 'models');
export const approvalsFile = (dataDir: string) => path.join(dataDir, 'approved-models.json');

const MODEL_FILE = /\.(mjs|js)$/;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function readApprovals(dataDir: string): Approval[] {
  const file = approvalsFile(dataDir);
  if (!fs.existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}); remove it and add your models again`);
  }
  const approvals = Approvals.safeParse(parsed);
  if (!approvals.success) throw new Error(`${file} is not an approval list this app wrote; remove it and add your models again`);
  return approvals.data.models;
}

/** Written whole to a temporary file, then renamed over the old one, so a crash leaves the old list or the new. */
function writeApprovals(dataDir: string, models: Approval[]): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = approvalsFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ format: 1, models } satisfies Approvals, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600); // the umask may have cleared bits of the mode asked for; 0600 is exact
  fs.renameSync(temporary, file);
}

/** Copies the checked bytes into the models folder and records their sha256 as approved (replacing that name's). */
export function approveModel(dataDir: string, name: string, bytes: Buffer, info: UserModelInfo): Approval {
  const dir = approvedModelsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes, { mode: 0o600 });
  const approval: Approval = { name, sha256: sha256Of(bytes), approvedAt: new Date().toISOString(), info: { ...info, file: target } };
  writeApprovals(dataDir, [...readApprovals(dataDir).filter((entry) => entry.name !== name), approval]);
  return approval;
}

/** Each model file of the folder: approved with these bytes (its descriptor as approved), or why it will not run. */
export type ModelFileStatus = { file: string; approval: Approval; problem: null } | { file: string; approval: null; problem: string };

/** Reads bytes and the approval list only: no model code runs to list the models. */
export function modelFileStatuses(dataDir: string): ModelFileStatus[] {
  const dir = approvedModelsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const approvals = readApprovals(dataDir);
  return fs
    .readdirSync(dir)
    .filter((name) => MODEL_FILE.test(name))
    .sort()
    .map((name): ModelFileStatus => {
      const file = path.join(dir, name);
      const approval = approvals.find((entry) => entry.name === name);
      if (!approval) return { file, approval: null, problem: `user model ${name}: not approved, so it does not run; \`lens models add ${file}\` approves it` };
      const sha256 = sha256Of(fs.readFileSync(file));
      if (sha256 !== approval.sha256) {
        return { file, approval: null, problem: `user model ${name}: changed since approved (sha256 ${sha256.slice(0, 12)}, approved ${approval.sha256.slice(0, 12)}), so it does not run; \`lens models add ${file}\` approves it again` };
      }
      return { file, approval, problem: null };
    });
}
