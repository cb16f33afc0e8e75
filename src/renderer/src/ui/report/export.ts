import { createElement } from 'react';
import type { ApiError } from '../../../../shared/domain';
import { collectReport, type ReportRequest } from './collect';
import { downloadFile, fileSafe } from '../download';
import { Report } from './Report';

// Inline so the file opens anywhere, offline, exactly as saved: the report loads nothing.
const CSS = `body{font-family:system-ui,sans-serif;color:#1d2330;max-width:980px;margin:24px auto;padding:0 16px;font-size:14px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dde1e8;padding-bottom:4px}h3{font-size:15px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eceef2;vertical-align:top}
.card{border:1px solid #dde1e8;border-radius:6px;padding:10px 14px;margin:10px 0}.muted{color:#6b7385}
.tag{display:inline-block;padding:1px 6px;border-radius:3px;background:#fff1d6;color:#7a5200;font-size:12px;margin-left:4px}
pre{background:#f6f7f9;padding:8px;overflow:auto;font-size:12px}`;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Collects the account's data, renders the report to one HTML file and downloads it; answers an error, if any. */
export async function exportReport(request: ReportRequest): Promise<ApiError | null> {
  const collected = await collectReport(request);
  if (!collected.ok) return collected.error;
  // The server renderer is loaded only when a report is made.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const body = renderToStaticMarkup(createElement(Report, { data: collected.value }));
  const title = `Influence Lens report: ${request.account} (${request.dataset})`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${CSS}</style></head><body>${body}</body></html>`;
  downloadFile(`lens-report-${fileSafe(request.dataset)}-${fileSafe(request.account)}.html`, html, 'text/html');
  return null;
}
