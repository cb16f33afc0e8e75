import type { ApiError, ImportErrorDetails, ImportFix } from '../../../../shared/domain';

/** An uploaded file: the name the user chose and where the workbench keeps its copy. */
export interface UploadedFile {
  name: string;
  path: string;
}

/** The folders an upload is kept in (server/uploads.ts: `lens-uploads-<pid>-XXXXXX/u-XXXXXX/`), never shown. */
const UPLOAD_FOLDER = /(?:[A-Za-z]:)?[^\s"'“]*lens-uploads-\d+-[A-Za-z0-9]{6}[\\/]u-[A-Za-z0-9]{6}[\\/]/g;

/** What fixes it on this page: the menus above the Import button, not the command line's flags. */
function pageFix(fix: ImportFix): string {
  if (fix.option === 'format') return 'Choose the format in the Format menu above';
  const roles = fix.roles.map((role) => `“${role}”`).join(' and ');
  return `Choose the column for ${roles} in the CSV columns menus above`;
}

/**
 * The excerpts in a reason are JSON string literals (import/errors.ts `excerpt`, for the terminal): shown here as
 * the text they quote, in typographic quotes, so `{"weight": 1}` does not read `{\"weight\": 1}`.
 */
export function unescapeQuoted(reason: string): string {
  return reason.replace(/"((?:[^"\\]|\\.)*)"/g, (literal: string, inner: string) => {
    if (!inner.includes('\\')) return literal;
    try {
      return `“${JSON.parse(literal) as string}”`;
    } catch {
      return literal;
    }
  });
}

const nameOf = (file: string, files: readonly UploadedFile[]) =>
  files.find((uploaded) => uploaded.path === file)?.name ?? file.replace(UPLOAD_FOLDER, '').split(/[\\/]/).pop() ?? file;

function fromDetails(details: ImportErrorDetails, files: readonly UploadedFile[]): string {
  const where = details.line !== undefined ? `, line ${details.line}` : details.byte !== undefined ? `, byte ${details.byte}` : '';
  const fix = details.fix ? `. ${pageFix(details.fix)}.` : '';
  return `${nameOf(details.file, files)}${where}: ${unescapeQuoted(details.reason)}${fix}`;
}

/**
 * An import, preview or upload error in the page's words: the file by the name the user chose (never the temporary
 * copy's path), its line, the reason, and the page's own control to fix it.
 */
export function pageImportError(error: ApiError | null, files: readonly UploadedFile[]): ApiError | null {
  if (!error) return null;
  if (error.details) return { code: error.code, message: fromDetails(error.details, files) };
  const named = files.reduce((message, file) => message.replaceAll(file.path, file.name), error.message);
  return { code: error.code, message: unescapeQuoted(named.replace(UPLOAD_FOLDER, '')) };
}
