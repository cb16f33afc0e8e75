/**
 * Text widths without a DOM, so a chart's layout is a pure function a unit test can check. Each width is an upper
 * bound over the sans-serif fonts the page meets (DejaVu Sans on Linux, Arial, Segoe UI), in ems: DejaVu's digits
 * are 0.636 em against Arial's 0.556, so a label planned here is never wider on screen than planned.
 */
const EM_WIDTHS: Record<string, number> = {
  '.': 0.32,
  ',': 0.32,
  ' ': 0.32,
  '-': 0.37,
  // d3.format writes negatives with U+2212, which DejaVu draws as wide as a plus.
  '−': 0.84,
  '+': 0.84,
  k: 0.58,
  m: 0.98,
  w: 0.82,
  M: 0.87,
  W: 1.0,
  G: 0.78,
  µ: 0.64,
  i: 0.28,
  l: 0.28,
  j: 0.28,
  '#': 0.84,
  '@': 1.0,
  '%': 0.95,
};
const DIGIT_EM = 0.64;
const LOWER_EM = 0.62;
const UPPER_EM = 0.78;
const OTHER_EM = 0.9;

const emWidth = (char: string): number => {
  const known = EM_WIDTHS[char];
  if (known !== undefined) return known;
  if (char >= '0' && char <= '9') return DIGIT_EM;
  if (char >= 'a' && char <= 'z') return LOWER_EM;
  if (char >= 'A' && char <= 'Z') return UPPER_EM;
  return OTHER_EM;
};

/** The width in px of one line of text at a font size in px. */
export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) ems += emWidth(char);
  return ems * fontPx;
}

/** A line's height in px: 1.2 em holds ascenders and descenders of these fonts. */
export const lineHeight = (fontPx: number): number => fontPx * 1.2;

/** The text cut with an ellipsis to fit `maxWidth` px, so a long run label cannot run past its chart. */
export function fitText(text: string, maxWidth: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontPx) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** A box in px: x and y of its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far two boxes overlap along each axis (0 when apart); overlapping only when both are positive. */
export function overlap(a: Box, b: Box): { x: number; y: number } {
  const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { x: Math.max(0, x), y: Math.max(0, y) };
}
