// The entry of every job thread: it dispatches each task of the task map to the layer that implements it. It lives
// above scoring and audit (it imports both) and below services, which import only its task map, never this file.
import { runAudit } from '../audit/run-audit';
import { serveJobs, type JobControls, type JobOutcome } from '../jobs/worker-runtime';
import { checkModel, explain, JOB_CACHE_MIB, score } from '../scoring/tasks';
import { openDatabase } from '../store/db';
import { auditPlaces, auditTop, auditTopics } from './audit-topics';
import { compare } from './compare';
import type { TaskIn, TaskName, TaskOut } from './map';
import { modelAgreement } from './model-agreement';
import { cascadeNodes, cascades, ego, scores } from './reads';
import { disagreements, distribution } from './run-reads';

type TaskHandlers = { [K in TaskName]: (payload: TaskIn<K>, controls: JobControls) => Promise<JobOutcome<TaskOut<K>>> };

const handlers: TaskHandlers = {
  score,
  explain,
  audit: async (job, controls) => {
    const db = openDatabase(job.dbPath, { cacheMib: JOB_CACHE_MIB });
    try {
      return { value: await runAudit(db, job, controls) };
    } finally {
      db.close();
    }
  },
  checkModel,
  compare,
  scores,
  distribution,
  disagreements,
  ego,
  cascades,
  cascadeNodes,
  auditTopics,
  auditTop,
  auditPlaces,
  modelAgreement,
};

serveJobs(handlers as Record<TaskName, (payload: never, controls: JobControls) => Promise<JobOutcome>>);
