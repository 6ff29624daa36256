/**
 * Characters a rewording may use: ASCII, Hangul syllables, a little common punctuation, and whatever else the
 * decided answer itself writes. Invisible characters (zero-width, bidi controls, soft hyphens), look-alike
 * digits and letters (full-width, Arabic-Indic, mathematical), other scripts and emoji are refused, so a
 * mention or a number cannot hide behind them.
 */

/** Punctuation a rewording may add although the answer does not use it. */
const NEUTRAL_PUNCTUATION = new Set([...'·•—–‘’“”…→←≥≤※「」『』《》〈〉ㆍ・\u00a0']);

function isPlainCode(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x09 ||
    (code >= 0xac00 && code <= 0xd7a3)
  );
}

/** The characters of `text` that {@link findOddCharacter} must accept in a rewording of it. */
export function collectExtraCharacters(text: string): ReadonlySet<string> {
  const extra = new Set<string>();
  for (const char of text) {
    if (!isPlainCode(char.codePointAt(0) ?? 0) && !isInvisible(char)) extra.add(char);
  }
  return extra;
}

/** Format characters (zero-width, bidi controls, soft hyphen …) and other invisible code points. */
function isInvisible(char: string): boolean {
  return /[\p{Cf}\p{Cc}\p{Co}\p{Cn}\u034f\u115f\u1160\u3164\uffa0]/u.test(char) && !/[\n\r\t]/u.test(char);
}

/** Describes a code point for a log line: U+200B. */
function describe(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character a rewording may not use, described for the log, or null. */
export function findOddCharacter(candidate: string, extra: ReadonlySet<string>): string | null {
  for (let index = 0; index < candidate.length; index += 1) {
    const code = candidate.charCodeAt(index);
    if (isPlainCode(code)) continue;
    const char = String.fromCodePoint(candidate.codePointAt(index) ?? code);
    if (char.length === 2) index += 1;
    if (isInvisible(char)) return `invisible character ${describe(char)}`;
    if (!extra.has(char) && !NEUTRAL_PUNCTUATION.has(char)) return `character "${char}" (${describe(char)})`;
  }
  return null;
}

const MENTION = /[@＠]\s*(?:everyone|here)\b|<@[!&]?\d+>|<#\d+>|<@&?\d+>/iu;

/** A Discord mention in the rewording, or null. */
export function findMention(prepared: string): string | null {
  return MENTION.exec(prepared)?.[0] ?? null;
}
