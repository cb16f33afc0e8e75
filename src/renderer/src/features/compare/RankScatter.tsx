import { useState } from 'react';
import type { RunSummary } from '../../../../shared/runs';
import { navigate } from '../../ui/routes';
import { ChartFrame, Segmented } from '../../ui/charts/ChartFrame';
import { Scatter } from '../../ui/charts/Scatter';
import { useRunLabel } from '../../ui/run-picker';
import type { RankedAccount } from './use-rank-pair';
import { formatNumber } from '../../ui/format';

/**
 * Each account's rank in run A against its rank in run B. Log axes by default: the top of a ranking is where
 * models disagree most and where a linear axis squeezes it into a corner.
 */
export function RankScatter({ dataset, a, b, points }: { dataset: string; a: RunSummary; b: RunSummary; points: RankedAccount[] }) {
  const [scale, setScale] = useState<'log' | 'linear'>('log');
  const runLabel = useRunLabel();
  const labels = { x: `rank in ${runLabel(a)}`, y: `rank in ${runLabel(b)}` };
  return (
    <ChartFrame
      title={`Rank against rank (${formatNumber(points.length)} accounts)`}
      name="scatter"
      controls={
        <Segmented
          label="Scatter axes"
          testId="scatter-scale"
          value={scale}
          onChange={setScale}
          options={[
            { value: 'log', label: 'log' },
            { value: 'linear', label: 'linear' },
          ]}
        />
      }
    >
      {(width) => (
        <Scatter
          points={points}
          width={Math.min(width, 640)}
          height={Math.min(width, 640) * 0.8}
          log={scale === 'log'}
          diagonal
          labels={labels}
          testId="rank-scatter"
          tooltip={(p) => (
            <span data-testid="scatter-tooltip">
              {p.handle ? `@${p.handle}` : p.id} · {runLabel(a)} rank {p.x} · {runLabel(b)} rank {p.y}
            </span>
          )}
          onPick={(p) => navigate('account', { dataset, account: p.id })}
        />
      )}
    </ChartFrame>
  );
}
