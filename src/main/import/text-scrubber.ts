/**
 * Replaces what names a person inside free text (post texts, bios, skip reasons) by the pseudonyms the accounts
 * get, in one left-to-right pass per rule so that no replacement is rescanned. The rules (docs/PRIVACY.md):
 * profile URLs, then @handles (ASCII and full-width), then the dataset's own display names, whole-word and
 * case-insensitively.
 */
export interface TextPseudonyms {
  handle(handle: string): string;
  /** Set when post ids are hashed too (`--hash-all-ids`): the status id of a tweet URL names its author online. */
  postId?: (id: string) => string;
}

/**
 * twitter.com, x.com, mobile.twitter.com (with or without a scheme and www) followed by an account name and
 * optionally /status/ID. Paths that are Twitter's own pages, not accounts, are left alone.
 */
const PROFILE_URL =
  /\b((?:https?:\/\/)?(?:(?:www|mobile|m)\.)?(?:twitter|x)\.com\/)(?!(?:i|intent|search|hashtag|home|share|explore|settings|messages|notifications)(?![A-Za-z0-9_]))([A-Za-z0-9_]{1,50})(?:(\/status(?:es)?\/)(\d{1,30}))?/gi;
/**
 * An @ or a full-width ＠ (U+FF20, which Twitter also links) before up to 50 letters, digits or underscores: wider
 * than Twitter's 15 ASCII characters, so an over-long or accented name is hidden rather than left half raw.
 */
const MENTION = /([@\uFF20])([\p{L}\p{N}_]{1,50})/gu;
const WORD = /[\p{L}\p{N}_]+/gu;
/** Not global: a global one keeps a lastIndex, which matchAll would then start from. */
const FIRST_WORD = /[\p{L}\p{N}_]+/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Names shorter than this are not searched: one letter would replace every "a" and "I" of every text. */
export const MIN_NAME_CHARACTERS = 2;

export function scrubText(text: string, pseudonyms: TextPseudonyms, names?: NameIndex): string {
  const withUrls = text.replace(PROFILE_URL, (_, prefix: string, name: string, statusPath?: string, statusId?: string) => {
    const status = statusPath === undefined ? '' : `${statusPath}${pseudonyms.postId ? pseudonyms.postId(statusId!) : statusId}`;
    return `${prefix}${pseudonyms.handle(name)}${status}`;
  });
  const withMentions = withUrls.replace(MENTION, (_, sign: string, handle: string) => `${sign}${pseudonyms.handle(handle)}`);
  return names ? names.replaceIn(withMentions) : withMentions;
}

interface NameEntry {
  lower: string;
  length: number;
  /** Where the first word of the name starts inside it: the index is keyed by that word. */
  firstWordOffset: number;
  startsWithWord: boolean;
  endsWithWord: boolean;
  pseudonym: string;
}

/**
 * The dataset's display names, found by the first word of each name (a map lookup per word of a text, not one
 * regular expression with an alternative per name, which a backtracking engine tries one by one).
 */
export class NameIndex {
  private readonly byFirstWord = new Map<string, NameEntry[]>();

  /** `pseudonymOf` maps each name, as written, to the pseudonym of its account. */
  constructor(pseudonymOf: ReadonlyMap<string, string>) {
    for (const [name, pseudonym] of pseudonymOf) {
      const trimmed = name.trim();
      if ([...trimmed].length < MIN_NAME_CHARACTERS) continue;
      const first = FIRST_WORD.exec(trimmed);
      if (!first) continue; // no letter or digit (emoji only): nothing whole-word to find
      const entry: NameEntry = {
        lower: trimmed.toLowerCase(), length: trimmed.length, firstWordOffset: first.index, pseudonym,
        startsWithWord: WORD_CHAR.test(trimmed[0]!), endsWithWord: WORD_CHAR.test(trimmed.at(-1)!),
      };
      const key = first[0].toLowerCase();
      const list = this.byFirstWord.get(key) ?? [];
      list.push(entry);
      this.byFirstWord.set(key, list);
    }
    // The longest name first: "Anna Maria Lopez" before "Anna Maria"; ties by text, so storage order never matters.
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length || (a.lower < b.lower ? -1 : 1));
  }

  get size(): number {
    return this.byFirstWord.size;
  }

  replaceIn(text: string): string {
    if (this.byFirstWord.size === 0) return text;
    let out = '';
    let copiedTo = 0;
    for (const word of text.matchAll(WORD)) {
      const candidates = this.byFirstWord.get(word[0].toLowerCase());
      if (!candidates) continue;
      const match = candidates.find((entry) => this.matchesAt(text, word.index - entry.firstWordOffset, entry, copiedTo));
      if (!match) continue;
      const start = word.index - match.firstWordOffset;
      out += text.slice(copiedTo, start) + match.pseudonym;
      copiedTo = start + match.length;
    }
    return copiedTo === 0 ? text : out + text.slice(copiedTo);
  }

  private matchesAt(text: string, start: number, entry: NameEntry, notBefore: number): boolean {
    if (start < notBefore || start + entry.length > text.length) return false;
    if (text.slice(start, start + entry.length).toLowerCase() !== entry.lower) return false;
    if (entry.startsWithWord && start > 0 && WORD_CHAR.test(text[start - 1]!)) return false;
    const after = text[start + entry.length];
    return !(entry.endsWithWord && after !== undefined && WORD_CHAR.test(after));
  }
}
