import type { NormalizedText } from './text.js';

/**
 * "18개 점검항목에 하자담보도 들어가?", "is 하자담보 on the RFP checklist?": a yes/no on whether a thing
 * is in a list a topic states. When the answer's list names a thing the question names, the answer
 * says so first. Only a yes: a thing the list does not name may be there under another name.
 */

/** Words that ask whether something is in a list. */
const ASKS_IF_LISTED =
  /포함|들어가|들어있|들어\s*있|있어|있나|있습니까|있어요|\binclude[sd]?\b|\bincluding\b|on\s+the\s+list|in\s+the\s+list|\bamong\b|part\s+of|\bcovered\b/u;

/** The items of a line that lists at least four things ("A, B, C, D입니다"). */
function listItems(line: string): string[] {
  // A comma inside a number ("8,000억") separates nothing.
  const parts = line.split(/\s*(?:(?<!\d),|,(?!\d)|、)\s*/u);
  if (parts.length < 4) return [];
  const first = parts[0]!.split(/(?:은|는|:)\s+/u).at(-1) ?? '';
  const last = parts.at(-1)!.replace(/(?:입니다|이다|\.|\(|\s+and\s+).*$/u, '');
  return [first, ...parts.slice(1, -1), last]
    .map((item) => item.replace(/^(?:and|및)\s+/u, '').trim())
    .filter((item) => item.replace(/\s/gu, '').length >= 2);
}

/** The first item of a list in `text` that the question names, when it asks whether something is listed. */
export function listedItemAsked(norm: NormalizedText, lowered: string, text: string): string | null {
  if (!ASKS_IF_LISTED.test(lowered)) return null;
  for (const line of text.split('\n')) {
    for (const item of listItems(line)) {
      const key = item.toLowerCase().replace(/\s/gu, '');
      if (
        /[\uac00-\ud7a3]/u.test(key) ? norm.compact.includes(key) : norm.spaced.includes(item.toLowerCase())
      )
        return item;
    }
  }
  return null;
}
