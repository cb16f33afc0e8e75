import type { EngineClient } from '../engine/client';
import { resolveDbPath } from '../store/paths';

/** Starts an engine that owns one database file: a worker thread in the CLI (engine/thread.ts), a fake in tests. */
export type EngineStarter = (dbFile: string) => EngineClient;

/**
 * The CLI process's one engine: started by the command's first call, so `lens --help`, a usage error or
 * `lens generate` start no thread and open no database; stopped once the command is done.
 */
export function engineSession(start: EngineStarter) {
  let running: { file: string; client: EngineClient } | null = null;
  return {
    /** The engine on the database `--db` names (else INFLUENCE_LENS_DB, else the app data folder). */
    engine(explicitPath?: string): EngineClient {
      const file = resolveDbPath(explicitPath);
      if (running && running.file !== file) throw new Error(`this command already uses ${running.file}, not ${file}`);
      running ??= { file, client: start(file) };
      return running.client;
    },
    async stop(): Promise<void> {
      const stopping = running;
      running = null;
      await stopping?.client.stop();
    },
  };
}
