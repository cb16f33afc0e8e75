import { useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import { ErrorNotice } from '../notices';
import type { ReportRequest } from './collect';
import { exportReport } from './export';

export function ExportReportButton({ request, testId }: { request: ReportRequest | null; testId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      <button
        type="button"
        data-testid={testId}
        disabled={!request || busy}
        onClick={async () => {
          if (!request) return;
          setBusy(true);
          setError(await exportReport(request));
          setBusy(false);
        }}
      >
        {busy ? 'Building report…' : 'Export report'}
      </button>
      <ErrorNotice error={error} />
    </>
  );
}
