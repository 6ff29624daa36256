/** English number words read as digits: "sixty percent" → "60 percent", "one trillion won" → "1 trillion won". */

export const EN_SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const EN_WORD = `(?:${[...Object.keys(EN_SMALL), ...Object.keys(EN_TENS), ...Object.keys(EN_SCALES)].join('|')})`;
const EN_SCALE = `(?:${Object.keys(EN_SCALES).join('|')})`;
/** A number phrase starts with a digit word; a scale word starts one only after "a". */
const EN_LEAD = `(?:${[...Object.keys(EN_SMALL), ...Object.keys(EN_TENS)].join('|')})`;
const EN_NUMBER = new RegExp(
  `\\b(?:an?\\s+${EN_SCALE}|${EN_LEAD})(?:(?:\\s+|-)(?:and\\s+)?${EN_WORD})*(?:\\s+point(?:\\s+(?:zero|one|two|three|four|five|six|seven|eight|nine))+(?:\\s+${EN_SCALE})*)?\\b`,
  'giu',
);
/** Units that make a bare number word a quantity: "sixty percent", "two months". */
const EN_UNIT_AFTER = /^\s*(?:percent|per\s*cent|%|won|krw|months?|years?|days?|projects?)\b/iu;

/** The value of an English number phrase ("sixty-four billion five hundred million"), or null. */
function parseEnglish(phrase: string): { value: number; scale: string | null } | null {
  const words = phrase
    .toLowerCase()
    .split(/[\s-]+/u)
    .filter((w) => w !== 'and' && w !== 'a' && w !== 'an');
  let total = 0;
  let current = 0;
  let previous: 'small' | 'tens' | 'scale' | null = null;
  let largest: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'point') {
      let digits = '';
      for (
        let d = EN_SMALL[words[i + 1] ?? ''];
        d !== undefined && d < 10;
        d = EN_SMALL[words[i + 1] ?? '']
      ) {
        digits += String(d);
        i++;
      }
      current = Number(`${current}.${digits}`);
      previous = 'small';
      continue;
    }
    const small = EN_SMALL[w];
    const tens = EN_TENS[w];
    const scale = EN_SCALES[w];
    if (small !== undefined) {
      if (previous === 'small' || (previous === 'tens' && small >= 10)) return null;
      current += small;
      previous = 'small';
    } else if (tens !== undefined) {
      if (previous === 'small' || previous === 'tens') return null;
      current += tens;
      previous = 'tens';
    } else if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      if (scale >= 1e6 && (largest === null || scale > EN_SCALES[largest]!)) largest = w;
      previous = 'scale';
    }
  }
  const value = total + current;
  return { value, scale: largest };
}

/** sixty percent → 60 percent, one trillion won → 1 trillion won; "one bidder" and "twice" stay. */
export function rewriteEnglishNumbers(text: string): string {
  return text.replace(EN_NUMBER, (phrase: string, offset: number) => {
    const hasScale = new RegExp(`\\b${EN_SCALE}\\b`, 'iu').test(phrase);
    if (!hasScale && !EN_UNIT_AFTER.test(text.slice(offset + phrase.length))) return phrase;
    const parsed = parseEnglish(phrase);
    if (parsed === null) return phrase;
    if (parsed.scale === null) return String(parsed.value);
    const inScale = Number((parsed.value / EN_SCALES[parsed.scale]!).toFixed(6));
    return `${inScale} ${parsed.scale}`;
  });
}
