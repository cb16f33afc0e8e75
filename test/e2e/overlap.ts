import type { Page } from '@playwright/test';

export interface PanelBox {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Indexes of the panels this one is inside (a card inside a panel is not an overlap). */
  ancestors: number[];
}

/** Less than this much (px) in either direction is a shared border or subpixel rounding, not an overlap. */
const TOLERANCE = 1;

/**
 * Every pair of panels that overlap, as "A and B overlap by W x H px". Panels nested in one another are not pairs.
 * Pure, so the rule itself is checked without a browser.
 */
export function findOverlaps(panels: PanelBox[]): string[] {
  const found: string[] = [];
  panels.forEach((a, i) => {
    panels.forEach((b, j) => {
      if (j <= i || a.ancestors.includes(j) || b.ancestors.includes(i)) return;
      const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (x > TOLERANCE && y > TOLERANCE) found.push(`"${a.name}" and "${b.name}" overlap by ${Math.round(x)} x ${Math.round(y)} px`);
    });
  });
  return found;
}

interface Measured {
  panels: PanelBox[];
  /** Content that spills out of its panel or scrolls the page or the main column sideways, with by how much. */
  sideways: string[];
}

/**
 * Fails when two visible panels of the page (elements matching `selector`, `[data-panel]` by default: each view's
 * top-level panels and cards) overlap, naming both and by how much; when a panel's content spills out of it over
 * its neighbours; or when the page or its content column scrolls sideways (a table or panel wider than the
 * window). A table scrolling inside its own panel is allowed.
 */
export async function assertNoOverlap(page: Page, selector = '[data-panel]'): Promise<void> {
  // No named functions inside: tsx and esbuild wrap them in a __name helper the page does not have.
  const measured = await page.evaluate((panelSelector): Measured => {
    const elements = Array.from(document.querySelectorAll<HTMLElement>(panelSelector)).filter(
      (element) => element.getBoundingClientRect().width > 0 && getComputedStyle(element).visibility !== 'hidden',
    );
    const panels = elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        name: element.dataset.panel || element.getAttribute('aria-label') || element.dataset.testid || element.tagName.toLowerCase(),
        x: box.x + window.scrollX,
        y: box.y + window.scrollY,
        width: box.width,
        height: box.height,
        ancestors: elements.flatMap((other, index) => (other !== element && other.contains(element) ? [index] : [])),
      };
    });
    const sideways: string[] = [];
    // A panel that lets its content spill out (overflow visible) draws over whatever is beside it.
    for (const element of elements) {
      if (getComputedStyle(element).overflowX !== 'visible' || element.scrollWidth <= element.clientWidth + 1) continue;
      const label = element.dataset.panel || element.getAttribute('aria-label') || element.tagName.toLowerCase();
      sideways.push(`the content of "${label}" spills ${element.scrollWidth - element.clientWidth} px out of it`);
    }
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) sideways.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
    for (const column of Array.from(document.querySelectorAll<HTMLElement>('.content'))) {
      if (column.scrollWidth <= column.clientWidth + 1) continue;
      // Name the widest thing that sticks out, so the failure says what to fix.
      const right = column.getBoundingClientRect().right;
      const culprit = Array.from(column.querySelectorAll<HTMLElement>('[data-panel], table, [role="table"], pre, svg, canvas'))
        .filter((element) => element.getBoundingClientRect().right > right + 1)
        .map((element) => element.dataset.panel || element.getAttribute('aria-label') || element.dataset.testid || element.tagName.toLowerCase())[0];
      sideways.push(`the content column scrolls sideways by ${column.scrollWidth - column.clientWidth} px${culprit ? ` (${culprit} is wider)` : ''}`);
    }
    return { panels, sideways };
  }, selector);
  const problems = [...findOverlaps(measured.panels), ...measured.sideways];
  if (problems.length > 0) {
    const size = page.viewportSize();
    const at = size ? ` at ${size.width}x${size.height}` : '';
    throw new Error(`layout${at}: ${problems.join('; ')}`);
  }
}
