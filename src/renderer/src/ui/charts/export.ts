import { downloadBlob } from '../download';
import { fitText } from './text-extent';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The band above the chart that carries its title in an exported file: a 15px bold line with room around it. */
const TITLE_BAND = 28;
const TITLE_FONT_PX = 15;

/** The presentation properties d3 and the stylesheet set; copied so the file looks the same outside the page. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
];

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  target.setAttribute('style', STYLE_PROPS.map((prop) => `${prop}:${computed.getPropertyValue(prop)}`).join(';'));
  Array.from(source.children).forEach((child, i) => {
    const copy = target.children[i];
    if (copy) inlineStyles(child, copy);
  });
}

interface Serialised {
  markup: string;
  width: number;
  height: number;
  /** How far down the chart itself starts: the title band's height. */
  offset: number;
}

/**
 * The chart's title written into the file, above everything the chart drew: on the page the title is the panel's
 * heading, outside the SVG, and a file without it does not say what it shows.
 */
function addTitle(clone: SVGSVGElement, title: string, width: number): void {
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${TITLE_BAND})`);
  while (clone.firstChild) body.appendChild(clone.firstChild);
  clone.appendChild(body);
  const text = document.createElementNS(SVG_NS, 'text');
  text.textContent = fitText(title, width - 16, TITLE_FONT_PX);
  text.setAttribute('x', '8');
  text.setAttribute('y', String(TITLE_BAND - 9));
  text.setAttribute('style', `font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:${TITLE_FONT_PX}px;font-weight:600;fill:#1d2330`);
  clone.insertBefore(text, body);
}

/**
 * The chart's SVG as a standalone document. A chart drawn on a canvas keeps its axes in an SVG laid over it: for an
 * SVG file the canvas goes in as an embedded image under them, with a white background, since a file has no page.
 */
function serialise(container: HTMLElement, title: string, standalone: boolean): Serialised {
  const svg = container.querySelector('svg');
  if (!svg) throw new Error('this chart has nothing drawn yet');
  const { width, height: chartHeight } = svg.getBoundingClientRect();
  const height = chartHeight + TITLE_BAND;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const canvas = container.querySelector('canvas');
  if (standalone && canvas) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(chartHeight));
    clone.insertBefore(image, clone.firstChild);
  }
  addTitle(clone, title, width);
  if (standalone) {
    const background = document.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', '#fff');
    clone.insertBefore(background, clone.firstChild);
  }
  return { markup: new XMLSerializer().serializeToString(clone), width, height, offset: TITLE_BAND };
}

export function exportSvg(container: HTMLElement, title: string, name: string): void {
  downloadBlob(new Blob([serialise(container, title, true).markup], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** The page's CSP allows data: images only, so the SVG is loaded from a data URL rather than a Blob URL. */
function loadImage(markup: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart could not be rendered as an image'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/** A PNG at twice the on-screen size: the chart's canvas (if any) first, below the title band, then its SVG on top. */
export async function exportPng(container: HTMLElement, title: string, name: string, scale = 2): Promise<void> {
  const { markup, width, height, offset } = serialise(container, title, false);
  const output = document.createElement('canvas');
  output.width = Math.round(width * scale);
  output.height = Math.round(height * scale);
  const context = output.getContext('2d');
  if (!context) throw new Error('this window cannot draw images');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, output.width, output.height);
  const canvas = container.querySelector('canvas');
  if (canvas) context.drawImage(canvas, 0, offset * scale, output.width, output.height - offset * scale);
  context.drawImage(await loadImage(markup), 0, 0, output.width, output.height);
  const blob = await new Promise<Blob | null>((resolve) => output.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the PNG could not be encoded');
  downloadBlob(blob, `${name}.png`);
}
