import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditOutput } from '../../../../shared/audit';
import type { ApiError } from '../../../../shared/domain';
import { client } from '../../api';
import { useJob } from '../use-call';

export interface AuditRunState {
  /** The run shown: the latest stored one, or the one just recomputed; null when the dataset has none yet. */
  run: AuditOutput | null;
  /** True until the stored run has been looked up. */
  loading: boolean;
  error: ApiError | null;
  recompute: (model: string) => void;
  job: ReturnType<typeof useJob<'audit.cases'>>;
}

/**
 * A dataset's audit as the views show it: the latest stored run at once (audit.latest reads it back without the
 * worker), and a recompute on demand through the worker with progress and cancel, which becomes the run shown.
 * With `auditIfNone` (the Cases view, which has nothing else to show), a dataset never audited is audited once on
 * first visit with the default what-if model. Elsewhere (an account page) nothing starts on a visit: an audit takes
 * seconds and would hold the job thread the page's own answers wait for; the bar offers "Run the audit" instead.
 */
export function useAuditRun(dataset: string, { auditIfNone = false }: { auditIfNone?: boolean } = {}): AuditRunState {
  const [stored, setStored] = useState<{ dataset: string; run: AuditOutput | null; error: ApiError | null } | null>(null);
  const job = useJob('audit.cases');
  useEffect(() => {
    if (!dataset) return;
    let current = true;
    void client.call('audit.latest', { dataset }).then((result) => {
      if (current) setStored({ dataset, run: result.ok ? result.value : null, error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [dataset]);
  const { start } = job;
  const recompute = useCallback((model: string) => void start({ dataset, model }), [dataset, start]);
  const autoStarted = useRef<string | null>(null);
  const neverAudited = stored !== null && stored.dataset === dataset && stored.run === null && stored.error === null;
  useEffect(() => {
    if (!auditIfNone || !neverAudited || autoStarted.current === dataset) return;
    autoStarted.current = dataset;
    void start({ dataset });
  }, [auditIfNone, neverAudited, dataset, start]);
  // A recompute of this dataset, once finished, is newer than anything stored before it.
  const recomputed = job.data && job.data.manifest.dataset.name === dataset ? job.data : null;
  const lookedUp = stored !== null && stored.dataset === dataset;
  return {
    run: recomputed ?? (lookedUp ? stored.run : null),
    loading: Boolean(dataset) && !lookedUp,
    error: job.error ?? (lookedUp ? stored.error : null),
    recompute,
    job,
  };
}
