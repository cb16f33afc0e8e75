import { useState } from 'react';
import { accountName } from '../../ui/account-link';
import { formatNumber } from '../../ui/format';
import { navigate } from '../../ui/routes';
import { rumourLabel, sortCascades, type CascadeColumn, type SortOrder } from './cascade-table';
import type { Cascade } from './cascade-nodes';

const COLUMNS: { column: CascadeColumn; title: string; tip?: string }[] = [
  { column: 'root', title: 'Root' },
  { column: 'size', title: 'Size', tip: 'posts in the cascade, the root included' },
  { column: 'depth', title: 'Depth', tip: 'the longest chain of reshares from the root' },
  { column: 'breadth', title: 'Breadth', tip: 'the most posts at one depth' },
  { column: 'virality', title: 'Virality', tip: 'structural virality (Goel et al. 2016): the mean distance between two posts of the tree; 2 for a star, higher for a chain of reshares' },
  { column: 'half', title: 'Half size (min)', tip: 'minutes until the cascade reached half its final size' },
  { column: 'label', title: 'Label', tip: "the dataset's veracity label: true, false or unverified rumour, or non-rumour" },
  { column: 'source', title: 'Source' },
  { column: 'parents', title: 'Parents' },
];

/** The cascades, sortable by each column (click a heading; again to reverse); a row opens its tree. */
export function CascadeTable({ dataset, list, selected }: { dataset: string; list: Cascade[]; selected: number }) {
  const [order, setOrder] = useState<SortOrder>({ column: 'size', descending: true });
  const rows = sortCascades(list, order);
  const sortBy = (column: CascadeColumn) =>
    setOrder((o) => (o.column === column ? { column, descending: !o.descending } : { column, descending: column !== 'root' && column !== 'label' && column !== 'source' && column !== 'parents' }));
  return (
    <div className="panel" data-panel="cascade-table" style={{ maxHeight: 320, overflow: 'auto' }}>
      <table data-testid="cascade-table">
        <thead>
          <tr>
            {COLUMNS.map(({ column, title, tip }) => (
              <th key={column} title={tip} aria-sort={order.column === column ? (order.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="link" onClick={() => sortBy(column)} data-testid={`cascade-sort-${column}`}>
                  {title} {order.column === column ? (order.descending ? '▼' : '▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cascade: c, index }) => (
            <tr key={`${c.source}-${c.root_post_id}`} data-testid="cascade-row" data-index={index} onClick={() => navigate('propagation', { dataset, cascade: index })} style={{ cursor: 'pointer', background: index === selected ? '#eef3fd' : undefined }}>
              <td>{accountName(c.root_account)}</td>
              <td>{formatNumber(c.size)}</td>
              <td>{formatNumber(c.depth)}</td>
              <td>{formatNumber(c.max_breadth)}</td>
              <td>{formatNumber(c.structural_virality)}</td>
              <td>{formatNumber(c.half_size_minutes)}</td>
              <td data-testid="cascade-label">{rumourLabel(c.label) ?? <span className="muted">–</span>}</td>
              <td className="muted">{c.source}</td>
              <td className="muted">{c.parents}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length === 0 && <p className="muted">This dataset has no cascades.</p>}
    </div>
  );
}
