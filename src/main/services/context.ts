import type { z } from 'zod';
import type { api, ApiName, ImportProgress } from '../../shared/api';
import type { JobProgress } from '../../shared/runs';
import type { JobHost } from '../jobs/host';
import type { Db } from '../store/db';

/** What every service call runs with: the open database, and for long calls a cancel signal and progress sinks. */
export interface ServiceContext {
  db: Db;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  onJobProgress?: (progress: JobProgress) => void;
  /** Where scoring jobs run; one shared host when not given. */
  jobs?: JobHost;
}

/** A call's input after validation, and its output, as the handlers see them. */
export type In<N extends ApiName> = z.output<(typeof api)[N]['input']>;
export type Out<N extends ApiName> = z.output<(typeof api)[N]['output']>;
