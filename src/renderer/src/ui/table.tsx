import { useEffect, useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** A CSS grid track, e.g. '80px' or '2fr'; default '1fr'. */
  width?: string;
  align?: 'left' | 'right';
  render: (row: T, index: number) => ReactNode;
  /** Makes the header sortable (with useSortedRows). */
  sortValue?: (row: T) => number | string | null;
}

export interface SortState {
  key: string;
  descending: boolean;
}

interface TableProps<T> {
  label: string;
  columns: Column<T>[];
  rowCount: number;
  /** The row at an index, or undefined while it is still loading (a placeholder row is drawn). */
  getRow: (index: number) => T | undefined;
  rowKey?: (row: T, index: number) => string | number;
  rowHeight?: number;
  /** Height of the scrolling body in pixels; a short table shrinks to fit its rows. */
  height?: number;
  sort?: SortState | null;
  onSort?: (key: string) => void;
  /** Told which rows are on screen, so a caller can fetch them page by page. */
  onRangeChange?: (start: number, end: number) => void;
  testId?: string;
  rowTestId?: string;
}

const OVERSCAN = 8;
/** Below about 70 px per fraction a column shows mostly an ellipsis ("@Sam…"): the table scrolls sideways instead. */
const MIN_PX_PER_FR = 70;
/** The body keeps a stable scrollbar gutter (12 px in Chromium); the header leaves the same room. */
const GUTTER = 12;

/**
 * The narrowest the table may be drawn: its fixed columns at their width, each fraction at MIN_PX_PER_FR. In a
 * narrower box (a 1024 px window) header and rows scroll sideways together inside the table's own box.
 */
export function minTableWidth(widths: readonly (string | undefined)[]): number {
  const track = (width = '1fr') => {
    const [, amount = '1', unit] = /^(\d+(?:\.\d+)?)(px|fr)$/.exec(width) ?? [];
    return unit === 'px' ? Number(amount) : Number(amount) * MIN_PX_PER_FR;
  };
  return widths.reduce((sum, width) => sum + track(width), GUTTER);
}

/**
 * A virtualised table: every row has the same height, so the visible slice follows from the scroll offset alone and
 * only those rows (plus a few either side) are in the DOM, whatever the row count. Rows are divs in a CSS grid with
 * ARIA table roles, because absolutely placed rows do not fit a <table>'s layout.
 */
export function Table<T>(props: TableProps<T>) {
  const { columns, rowCount, getRow, rowHeight = 28, height = 420 } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(height, Math.max(rowCount, 1) * rowHeight);
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const template = columns.map((column) => column.width ?? '1fr').join(' ');
  const { onRangeChange } = props;
  useEffect(() => onRangeChange?.(start, end), [onRangeChange, start, end]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const row = getRow(index);
    rows.push(
      <div
        key={row === undefined ? `pending-${index}` : (props.rowKey?.(row, index) ?? index)}
        role="row"
        aria-rowindex={index + 2}
        data-testid={props.rowTestId}
        style={{ display: 'grid', gridTemplateColumns: template, height: rowHeight, alignItems: 'center', borderBottom: '1px solid #eceef2' }}
      >
        {row === undefined ? (
          <div role="cell" className="muted" style={{ padding: '0 8px' }}>
            …
          </div>
        ) : (
          columns.map((column) => (
            <div key={column.key} role="cell" style={cellStyle(column)}>
              {column.render(row, index)}
            </div>
          ))
        )}
      </div>,
    );
  }

  return (
    <div role="table" aria-label={props.label} aria-rowcount={rowCount + 1} data-testid={props.testId} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: minTableWidth(columns.map((column) => column.width)) }}>
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, borderBottom: '1px solid #dde1e8', paddingRight: GUTTER }}>
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} sort={props.sort ?? null} onSort={props.onSort} />
          ))}
        </div>
        <div
          tabIndex={0}
          style={{ height: viewport, overflowY: 'auto', position: 'relative', scrollbarGutter: 'stable' }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div style={{ height: rowCount * rowHeight, position: 'relative' }}>
            <div role="rowgroup" style={{ position: 'absolute', top: start * rowHeight, left: 0, right: 0 }}>
              {rows}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

function cellStyle<T>(column: Column<T>) {
  return {
    padding: '0 8px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: column.align ?? 'left',
    fontVariantNumeric: 'tabular-nums',
  } as const;
}

function HeaderCell<T>({ column, sort, onSort }: { column: Column<T>; sort: SortState | null; onSort?: (key: string) => void }) {
  const active = sort?.key === column.key;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const style = { ...cellStyle(column), color: '#5b6475', fontWeight: 600, padding: '4px 8px' };
  if (!onSort || !column.sortValue) {
    return (
      <div role="columnheader" style={style}>
        {column.header}
      </div>
    );
  }
  return (
    <div role="columnheader" aria-sort={ariaSort} style={style}>
      <button type="button" onClick={() => onSort(column.key)} style={{ border: 'none', padding: 0, background: 'none', color: 'inherit', fontWeight: 'inherit', cursor: 'pointer' }}>
        {column.header}
        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </div>
  );
}

/** Sorting in memory for tables whose rows are all loaded; a second click on a header reverses the order. */
export function useSortedRows<T>(rows: readonly T[], columns: Column<T>[], initial: SortState | null = null) {
  const [sort, setSort] = useState<SortState | null>(initial);
  const sorted = useMemo(() => {
    const value = columns.find((column) => column.key === sort?.key)?.sortValue;
    if (!sort || !value) return rows;
    const direction = sort.descending ? -1 : 1;
    // Missing values sort last in either direction, as a spreadsheet does.
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * direction;
    });
  }, [rows, columns, sort]);
  const onSort = (key: string) =>
    setSort((previous) => ({ key, descending: previous?.key === key ? !previous.descending : true }));
  return { rows: sorted, sort, onSort };
}
