import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EdgeReadingNote, RunWarnings } from '../../../src/renderer/src/ui/RunWarnings';
import { ImportOptions } from '../../../src/renderer/src/features/datasets/ImportOptions';

const tied = { code: 'mostly_tied', message: '475 of 475 scored accounts (100.0%) share the score 1' };
const ignored = { code: 'no_interactions_counted', message: 'this dataset has only `edge` interactions' };

describe('RunWarnings', () => {
  it('shows each warning with a plain title and its message; compact puts the messages in the tooltip', () => {
    const full = renderToStaticMarkup(createElement(RunWarnings, { warnings: [ignored, tied] }));
    expect(full).toContain('No interactions counted:</strong> this dataset has only `edge` interactions');
    expect(full).toContain('Most accounts tie:</strong> 475 of 475');
    const compact = renderToStaticMarkup(createElement(RunWarnings, { warnings: [ignored, tied], compact: true }));
    expect(compact).toContain('⚠ No interactions counted, Most accounts tie');
    expect(compact).toContain('title="No interactions counted: this dataset has only `edge` interactions');
  });

  it('says "not checked" for a run stored before warnings were kept, and nothing for a run without any', () => {
    expect(renderToStaticMarkup(createElement(RunWarnings, { warnings: null }))).toContain('not checked');
    expect(renderToStaticMarkup(createElement(RunWarnings, { warnings: [] }))).toBe('');
  });

  it('names how a run read plain edges only where the dataset has a direction to read', () => {
    expect(renderToStaticMarkup(createElement(EdgeReadingNote, { edges: { read: 'influence', declared: 'influence' }, warnings: [] })))
      .toContain('edges read as influence (as declared at import)');
    expect(renderToStaticMarkup(createElement(EdgeReadingNote, { edges: { read: 'attention', declared: null }, warnings: [{ code: 'direction_undeclared', message: 'm' }] })))
      .toContain('edges read as attention (not declared at import)');
    expect(renderToStaticMarkup(createElement(EdgeReadingNote, { edges: { read: 'attention', declared: null }, warnings: [] }))).toBe('');
  });
});

describe('ImportOptions', () => {
  const props = { files: ['congress.edgelist'], format: '' as const, onFormat: () => {}, map: {}, onMap: () => {}, onEdges: () => {} };
  const preview = { files: [{ path: '/x/congress.edgelist', format: 'edgelist' as const, size: 10, lines: ['0 4 {...}'], columns: null }] };

  it('asks what an edge means for a graph file, in plain words with an "I don\'t know"', () => {
    const html = renderToStaticMarkup(createElement(ImportOptions, { ...props, preview, previewFailed: false, edges: '' }));
    expect(html).toContain('What does an edge A → B in this file mean? (required)');
    expect(html).toContain('A → B means A influences B');
    expect(html).toContain('A → B means A follows, retweets or mentions B');
    expect(html).toContain('I don&#x27;t know');
    expect(renderToStaticMarkup(createElement(ImportOptions, { ...props, preview, previewFailed: false, edges: null }))).not.toContain('A → B');
  });

  it('replaces "reading…" when the preview failed', () => {
    const html = renderToStaticMarkup(createElement(ImportOptions, { ...props, preview: null, previewFailed: true, edges: null }));
    expect(html).not.toContain('reading…');
    expect(html).toContain('could not be read');
  });
});
