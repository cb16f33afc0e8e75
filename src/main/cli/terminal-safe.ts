/**
 * Text from data (handles, names, bios, tweet texts, file names, error messages that quote them) must not drive
 * the user's terminal: an ESC starts a sequence that can recolour, move the cursor, rewrite the window title or
 * (OSC 52) the clipboard, and a C1 character (U+009B is an 8-bit CSI) does the same on some terminals.
 *
 * Every control character except the newline and tab the CLI writes itself is shown escaped as `\u00XX`, so the
 * sequence is visible and inert (`\u001b[31m` instead of red). We escape rather than drop so an audit still sees
 * that the data held it, and we use the `\u` form, not `\x1b`, because that is also a valid escape inside a JSON
 * string: `--json` output, whose C0 characters JSON.stringify already escapes but whose DEL (U+007F) and C1
 * characters it writes raw, stays parseable and decodes back to the original text.
 *
 * Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) are escaped too: they reorder what the
 * terminal shows, so a handle could display as another ("Trojan source", CVE-2021-42574).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writer that makes every line it is given terminal-safe before passing it on. */
export function terminalSafeWriter(write: (text: string) => void): (text: string) => void {
  return (text) => write(terminalSafe(text));
}
