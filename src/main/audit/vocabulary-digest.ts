import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import bundledTopics from '../../../resources/topics.json';
import { appRoot } from '../app-root';

export interface VocabularyDigest {
  sha256: string;
  topics: number;
}

let cached: VocabularyDigest | undefined;

/**
 * The sha256 of resources/topics.json, the vocabulary the audit loads (topics/vocabulary.ts imports it, so the
 * bundle carries it). The bytes are read from the app folder and checked against what the bundle carries: a file
 * edited after the build would otherwise put the hash of one vocabulary beside cases found with another.
 * Read once per process (75 KB: about 5 ms).
 */
export function vocabularyDigest(): VocabularyDigest {
  if (cached) return cached;
  const file = path.join(appRoot, 'resources', 'topics.json');
  const bytes = fs.readFileSync(file);
  if (!isDeepStrictEqual(JSON.parse(bytes.toString('utf8')), bundledTopics)) {
    throw new Error(`${file} differs from the vocabulary built into this app; rebuild it (npm run build) before auditing`);
  }
  cached = { sha256: createHash('sha256').update(bytes).digest('hex'), topics: (bundledTopics as unknown[]).length };
  return cached;
}
