/**
 * What a browser is shown when it asks for the workbench without the launch token (an old bookmark, the address
 * typed by hand, a server started again since). It looks like the app, says in plain words what happened and names
 * the command the user actually ran, since that terminal is where the address with the token was printed. One
 * self-contained document: an inline <style> (the page's CSP allows inline styles, not inline scripts), no script,
 * no image, nothing fetched from anywhere.
 */

/** How this server was started, as the user typed it: npm sets npm_lifecycle_event for `npm start`. */
export function launchCommand(env: NodeJS.ProcessEnv, argv: readonly string[]): string {
  if (env.npm_lifecycle_event === 'start') return 'npm start';
  const command = argv.slice(2).find((arg) => arg === 'start' || arg === 'serve') ?? 'serve';
  return `npx lens ${command}`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The app's colours and type (src/renderer/src/styles.css): the dark sidebar's navy, the panel's white card. */
const STYLE = `
:root { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2330; background: #f6f7f9; font-size: 15px; }
body { margin: 0; }
header { background: #1d2330; color: #fff; font-weight: 700; font-size: 16px; padding: 14px 24px; }
main { max-width: 640px; margin: 48px auto; padding: 0 20px; }
.panel { background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: 20px 24px; }
h1 { font-size: 20px; margin: 0 0 12px; }
p, li { line-height: 1.5; }
ol { padding-left: 22px; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; background: #eef3fd; color: #1f3f85; padding: 1px 5px; border-radius: 3px; }
.example { display: block; margin: 6px 0; padding: 8px 10px; overflow-wrap: anywhere; }
.muted { color: #6b7385; font-size: 14px; }
`;

/** The page, for a server at `origin` started with `command` (launchCommand). */
export function noTokenPage(command: string, origin: string): string {
  const run = `<code>${escapeHtml(command)}</code>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Influence Lens: open it with its link</title>
<style>${STYLE}</style>
</head>
<body>
<header>Influence Lens</header>
<main>
<section class="panel">
<h1>Open the workbench with the link from your terminal</h1>
<p>This address was opened without the workbench's key, so it did not open. The key is part of the link the
workbench prints when it starts; it keeps other programs and web pages on this computer away from your data.</p>
<ol>
<li>Go to the terminal window where you ran ${run}.</li>
<li>Find the line that starts with <strong>Open</strong>, like this one:
<code class="example">Open ${escapeHtml(origin)}/?token=…</code></li>
<li>Open that whole address in this browser: copy and paste it, or Ctrl-click it (Cmd-click on a Mac).</li>
</ol>
<p>If that terminal is closed or the workbench has stopped, run ${run} again in the project folder. Every start
prints a new link, and links from earlier starts no longer work.</p>
<p class="muted">Once you have opened the link, this browser remembers the key until the workbench or the browser
is closed.</p>
</section>
</main>
</body>
</html>
`;
}
