/**
 * Finds every match of a global pattern faster than `matchAll` when V8 runs the pattern slowly: patterns with
 * `\b` under the `iu` flags are only tried where their relaxed form (no assertions) matches.
 */

/** A global pattern and a faster way to find the same matches; see {@link findAllMatches}. */
interface FastPattern {
  /** The pattern without `\b` and lookarounds: it matches at least wherever the pattern does. */
  readonly locate: RegExp;
  /** The pattern itself, tried at one position at a time. */
  readonly sticky: RegExp;
}

const fastPatterns = new WeakMap<RegExp, FastPattern | null>();

/** Index of the `)` closing the group that opens at `open`, or -1; skips escapes and classes. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') {
      index += 1;
    } else if (char === '[') {
      index = classEnd(source, index);
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** Index of the `]` closing the class that starts at `open` (classes do not nest under the `u` flag). */
function classEnd(source: string, open: number): number {
  let index = open + 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index;
}

/** Source of `pattern` with every `\b`, `\B` and lookaround removed, or null when that changes its groups. */
function relaxedSource(pattern: RegExp): string | null {
  const source = pattern.source;
  let relaxed = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '\\') {
      const escape = source.slice(index, index + 2);
      if (escape !== '\\b' && escape !== '\\B') relaxed += escape;
      index += 2;
    } else if (char === '[') {
      const end = classEnd(source, index);
      relaxed += source.slice(index, end + 1);
      index = end + 1;
    } else if (/^\(\?<?[=!]/u.test(source.slice(index, index + 4))) {
      const end = closingParen(source, index);
      if (end === -1) return null;
      index = end + 1;
    } else {
      relaxed += char;
      index += 1;
    }
  }
  const groups = (text: string, flags: string) => new RegExp(`${text}|`, flags).exec('')?.length ?? -1;
  return groups(relaxed, pattern.flags) === groups(source, pattern.flags) ? relaxed : null;
}

function fastPatternOf(pattern: RegExp): FastPattern | null {
  let fast = fastPatterns.get(pattern);
  if (fast === undefined) {
    // V8 runs `\b` under the `iu` flags many times slower than the rest of a pattern.
    const slow = pattern.flags.includes('i') && pattern.flags.includes('u') && /\\b/u.test(pattern.source);
    const relaxed = slow ? relaxedSource(pattern) : null;
    fast =
      relaxed === null
        ? null
        : {
            locate: new RegExp(relaxed, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
            sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`),
          };
    fastPatterns.set(pattern, fast);
  }
  return fast;
}

/** Index of the code point after the one at `index`, as a global `u` regex advances. */
function nextCodePoint(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return index + 2;
  }
  return index + 1;
}

/**
 * Every match of a global pattern, exactly as `text.matchAll(pattern)` finds them. A pattern with `\b` under
 * the `iu` flags is only tried where its relaxed form (no assertions) matches, since it cannot match elsewhere.
 */
export function findAllMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const fast = fastPatternOf(pattern);
  if (fast === null) return [...text.matchAll(pattern)];
  const { locate, sticky } = fast;
  const matches: RegExpExecArray[] = [];
  locate.lastIndex = 0;
  let candidate = locate.exec(text);
  while (candidate !== null) {
    sticky.lastIndex = candidate.index;
    const match = sticky.exec(text);
    let next: number;
    if (match === null) {
      next = nextCodePoint(text, candidate.index);
    } else {
      matches.push(match);
      next = match[0] === '' ? nextCodePoint(text, match.index) : match.index + match[0].length;
    }
    if (next > text.length) break;
    locate.lastIndex = next;
    candidate = locate.exec(text);
  }
  return matches;
}
