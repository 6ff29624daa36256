/**
 * Inference marks stay where they are: every "(추정)" / "(inferred)" of the answer is still written, each
 * marked fact keeps an inference word in its sentence, and no mark moves to a fact the answer states as known.
 */
import type { Mention } from './mentions.js';
import { INFERRED_MARK, span, type ValueMention } from './pairing.js';
import { segmentOf, type Segments } from './segments.js';

const INFERENCE_WORD = /추정|추론|\binferr?(?:ed|ence|ing|s)?\b|\bpresum\w*/iu;

/** What the answer marks as inferred. */
export interface InferenceMarks {
  /** How many explicit marks the answer writes. */
  readonly count: number;
  /** Keys of the marked facts and names: the nearest one before each mark. */
  readonly items: ReadonlySet<string>;
}

interface Item {
  readonly key: string;
  readonly index: number;
}

function itemsOf(anchors: readonly Mention[], values: readonly ValueMention[]): Item[] {
  return [...anchors.map((a) => ({ key: a.key, index: a.start })), ...values].sort(
    (a, b) => a.index - b.index,
  );
}

/**
 * The item each explicit mark follows, on its line: in the mark's sentence, or in the sentence before when the
 * mark opens its own.
 */
function markedItems(text: string, segments: Segments, items: readonly Item[]): string[] {
  const marked: string[] = [];
  for (const mark of text.matchAll(INFERRED_MARK)) {
    const sentence = segmentOf(segments.sentences, mark.index);
    const start = segments.sentences[sentence] ?? 0;
    const opens = text.slice(start, mark.index).trim() === '';
    const from = Math.max(
      text.lastIndexOf('\n', mark.index) + 1,
      opens ? (segments.sentences[sentence - 1] ?? 0) : start,
    );
    const item = items.filter((i) => i.index >= from && i.index < mark.index).at(-1);
    if (item !== undefined) marked.push(item.key);
  }
  return marked;
}

export function collectInferenceMarks(
  text: string,
  segments: Segments,
  anchors: readonly Mention[],
  values: readonly ValueMention[],
): InferenceMarks {
  return {
    count: [...text.matchAll(INFERRED_MARK)].length,
    items: new Set(markedItems(text, segments, itemsOf(anchors, values))),
  };
}

/** Why the rewording drops, detaches or moves an inference mark, or null. */
export function findChangedInference(
  marks: InferenceMarks,
  text: string,
  segments: Segments,
  anchors: readonly Mention[],
  values: readonly ValueMention[],
): string | null {
  const written = [...text.matchAll(INFERRED_MARK)].length;
  if (written < marks.count) return `${written} inference marks, the answer has ${marks.count}`;
  const items = itemsOf(anchors, values);
  for (const key of marks.items) {
    const said = items.filter((item) => item.key === key);
    // The sentence of the fact, and the next one when it opens with the mark ("… 대상이었습니다. (추정)").
    const isMarked = said.some((item) => {
      const [from, to] = span(segments.sentences, item.index, text.length);
      const next = span(segments.sentences, to, text.length)[1];
      const window = /^\s*\([^()\n]{0,20}?(?:추정|inferred)/iu.test(text.slice(to)) ? next : to;
      return INFERENCE_WORD.test(text.slice(from, window));
    });
    if (said.length > 0 && !isMarked) return `${key} is stated without its inference mark`;
  }
  const moved = markedItems(text, segments, items).find((key) => !marks.items.has(key));
  return moved === undefined ? null : `${moved} is marked inferred, the answer states it as known`;
}
