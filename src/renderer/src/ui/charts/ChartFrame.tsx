import { useEffect, useRef, useState, type ReactNode } from 'react';
import { exportPng, exportSvg } from './export';
import './charts.css';

/** A chart panel: title, the chart's own controls, PNG/SVG export, and the chart drawn at the panel's width. */
export function ChartFrame({
  title,
  name,
  controls,
  children,
}: {
  title: string;
  /** Names the export buttons' test ids (export-svg-NAME) and the downloaded files. */
  name: string;
  controls?: ReactNode;
  children: (width: number) => ReactNode;
}) {
  const chart = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = chart.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const run = (action: (element: HTMLElement) => void | Promise<void>) => async () => {
    if (!chart.current) return;
    setError(null);
    try {
      await action(chart.current);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const file = `influence-lens-${name}`;
  return (
    <section className="panel" aria-label={title} data-panel={`chart-${name}`}>
      <div className="chart-head">
        <h2>{title}</h2>
        {controls}
        <button type="button" data-testid={`export-svg-${name}`} onClick={run((element) => exportSvg(element, title, file))}>
          SVG
        </button>
        <button type="button" data-testid={`export-png-${name}`} onClick={run((element) => exportPng(element, title, file))}>
          PNG
        </button>
      </div>
      {error && <div className="notice error">{error}</div>}
      <div className="chart" ref={chart}>
        {width > 0 && children(width)}
      </div>
    </section>
  );
}

/** A two-way (or more) choice drawn as joined buttons, backed by radio inputs so it is labelled and keyboard-usable. */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={testId}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
