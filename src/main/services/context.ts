import type { ImportProgress } from '../../shared/api';
import type { Db } from '../store/db';

/** What every service call runs with: the open database, and for long calls a cancel signal and progress sink. */
export interface ServiceContext {
  db: Db;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}
