/**
 * The workbench page's Content-Security-Policy, written once. src/renderer/index.html carries PAGE_CSP in its meta
 * tag (test/unit/desktop/security.test.ts keeps the two equal); the desktop session and `lens serve` send
 * CSP_HEADER. Only self-hosted scripts; inline styles because React and d3 set style attributes; data: images for
 * chart exports; no plugins, no <base>, no form posts.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy as a response header: the page's own plus frame-ancestors 'none' (no other page may frame the
 * workbench to trick clicks on it), which a meta tag cannot carry: browsers ignore frame-ancestors there.
 */
export const CSP_HEADER = `${PAGE_CSP}; frame-ancestors 'none'`;
