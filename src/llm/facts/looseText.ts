/** Loose text: whitespace dropped and case folded one code unit at a time, with offsets back into the text. */

export function matchSpans(matches: readonly RegExpExecArray[]): [number, number][] {
  return matches.map((match) => [match.index, match.index + match[0].length]);
}

/** Replaces the given spans (sorted by start; they may touch or overlap) with spaces, keeping offsets. */
export function blankSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let done = 0;
  for (const [start, end] of spans) {
    const from = Math.max(start, done);
    if (end <= from) continue;
    result += text.slice(done, from) + ' '.repeat(end - from);
    done = end;
  }
  return result + text.slice(done);
}

/** Collapses text for loose comparison: NFKC, lower case, no whitespace. */
export function compactText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Text without whitespace and lower-cased one code unit at a time, for looking up many needles in it. */
export interface LooseText {
  readonly text: string;
  readonly compact: string;
}

/** Exactly the code units that `/\s/u` matches. */
function isWhitespaceUnit(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The compact form of `text`; fills `origin`, when given, with the offset in `text` of each compact code unit. */
function looseUnits(text: string, origin: Int32Array | null): string {
  let compact = '';
  // Code units from `kept` on are copied as they are when the next changed one comes.
  let kept = 0;
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let changed: string | null = null;
    if (isWhitespaceUnit(code)) {
      changed = '';
    } else if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) changed = String.fromCharCode(code + 0x20);
    } else if (code < 0xac00 || code > 0xd7a3) {
      // One code unit at a time, as a lone "İ" or "Σ" lowers differently inside a word.
      const unit = text.charAt(index);
      const lowered = unit.toLowerCase();
      if (lowered !== unit) changed = lowered;
    }
    if (changed === null) {
      if (origin !== null) origin[length] = index;
      length += 1;
      continue;
    }
    compact += text.slice(kept, index) + changed;
    kept = index + 1;
    if (origin !== null) origin.fill(index, length, length + changed.length);
    length += changed.length;
  }
  return compact + text.slice(kept);
}

/** Offsets back into the text, built only for the few texts where a needle is found. */
const looseOrigins = new WeakMap<LooseText, Int32Array>();

function originOf(loose: LooseText): Int32Array {
  let origin = looseOrigins.get(loose);
  if (origin === undefined) {
    origin = new Int32Array(loose.compact.length);
    looseUnits(loose.text, origin);
    looseOrigins.set(loose, origin);
  }
  return origin;
}

/** Indexes `text` once so that {@link findLooseSpansIn} can look up many needles without rescanning it. */
export function toLooseText(text: string): LooseText {
  return { text, compact: looseUnits(text, null) };
}

/**
 * `toLooseText(blankSpans(loose.text, spans))` without rescanning: blanked code units only drop out of the
 * compact form, since each code unit is lowered on its own.
 */
export function blankLooseSpans(loose: LooseText, spans: readonly (readonly [number, number])[]): LooseText {
  const origin = originOf(loose);
  const keptOrigin = new Int32Array(origin.length);
  let compact = '';
  let length = 0;
  let unit = 0;
  const keepUntil = (offset: number) => {
    const from = unit;
    while (unit < origin.length && (origin[unit] ?? 0) < offset) unit += 1;
    compact += loose.compact.slice(from, unit);
    keptOrigin.set(origin.subarray(from, unit), length);
    length += unit - from;
  };
  const joins: number[] = [];
  for (const [start, end] of spans) {
    keepUntil(start);
    while (unit < origin.length && (origin[unit] ?? 0) < end) unit += 1;
    joins.push(length);
  }
  keepUntil(Number.POSITIVE_INFINITY);
  const blanked = { text: blankSpans(loose.text, spans), compact };
  looseOrigins.set(blanked, keptOrigin.subarray(0, length));
  // Blanking only joins neighbours: the pairs of the text before, plus those at each join, still cover it.
  const bitmap = looseBigrams.get(loose);
  if (bitmap !== undefined) {
    for (const join of joins)
      if (join > 0 && join < compact.length) addBigram(bitmap, bigramOf(compact, join - 1));
    looseBigrams.set(blanked, bitmap);
  }
  return blanked;
}

/**
 * The pairs of adjacent code units of each compact text, hashed into a bitmap built when first asked for: a
 * superset is enough, so texts blanked from one share its bitmap.
 */
const looseBigrams = new WeakMap<LooseText, Uint8Array>();

function bigramOf(text: string, index: number): number {
  return ((text.charCodeAt(index) << 5) ^ text.charCodeAt(index + 1)) & 0xffff;
}

function addBigram(bitmap: Uint8Array, bigram: number): void {
  bitmap[bigram >> 3] = (bitmap[bigram >> 3] ?? 0) | (1 << (bigram & 7));
}

function hasBigram(bitmap: Uint8Array, bigram: number): boolean {
  return ((bitmap[bigram >> 3] ?? 0) & (1 << (bigram & 7))) !== 0;
}

/** Whether the compact text may have `target`: it has its first and last pair. A quick test before a search. */
function mayContain(haystack: LooseText, target: string): boolean {
  if (target.length < 2) return true;
  let bitmap = looseBigrams.get(haystack);
  if (bitmap === undefined) {
    bitmap = new Uint8Array(0x2000);
    for (let index = 0; index < haystack.compact.length - 1; index += 1) {
      addBigram(bitmap, bigramOf(haystack.compact, index));
    }
    looseBigrams.set(haystack, bitmap);
  }
  return hasBigram(bitmap, bigramOf(target, 0)) && hasBigram(bitmap, bigramOf(target, target.length - 2));
}

/** Finds the compact form `target` (see {@link compactText}) in an indexed text; returns [start, end) spans. */
export function findLooseSpansIn(haystack: LooseText, target: string): [number, number][] {
  if (target === '' || !mayContain(haystack, target)) return [];
  const { compact } = haystack;
  let from = compact.indexOf(target);
  if (from === -1) return [];
  const origin = originOf(haystack);
  const spans: [number, number][] = [];
  while (from !== -1) {
    const start = origin[from] ?? 0;
    const end = (origin[from + target.length - 1] ?? start) + 1;
    spans.push([start, end]);
    from = compact.indexOf(target, from + target.length);
  }
  return spans;
}

/** Finds `needle` in `haystack` ignoring whitespace and case; returns [start, end) spans in `haystack`. */
export function findLooseSpans(haystack: string, needle: string): [number, number][] {
  const target = compactText(needle);
  return target === '' ? [] : findLooseSpansIn(toLooseText(haystack), target);
}
