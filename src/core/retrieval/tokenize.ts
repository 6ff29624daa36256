import { normalizeText, type NormalizedText } from '../text.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** Endings that attach to a Korean word without changing what it names (particles, copulas, politeness). */
const PARTICLES = [
  '에서는',
  '으로는',
  '이라고',
  '에서',
  '으로',
  '까지',
  '부터',
  '이랑',
  '하고',
  '에게',
  '한테',
  '처럼',
  '보다',
  '이나',
  '이야',
  '인가',
  '이에요',
  '예요',
  '입니다',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '에',
  '의',
  '로',
  '도',
  '만',
  '와',
  '과',
  '랑',
  '요',
  '야',
  // "얼마임", "언제임": the casual copula 임 (chat shorthand for 입니다); "연장됨?": 됨 (chat shorthand for 됐어).
  '임',
  '됨',
  // "비교좀", "알려줘좀": the colloquial 좀 (please, a bit) glued to the word.
  '좀',
] as const;

/** A Korean word without a trailing particle, when what is left is still a word of two syllables or more. */
export function stripParticle(word: string): string {
  for (const particle of PARTICLES) {
    if (word.length - particle.length >= 2 && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return word;
}

/** A light English stem: plurals and common verb endings, so "bids" meets "bid" and "extended" meets "extend". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const ENGLISH_STOPWORDS = new Set([
  // Chat fillers: 'lol', 'pls', 'btw' say nothing of the subject.
  'lol',
  'lmao',
  'haha',
  'pls',
  'plz',
  'btw',
  'tbh',
  'thx',
  'thanks',
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'for',
  'and',
  'or',
  'is',
  'are',
  'was',
  'were',
  'be',
  'it',
  'its',
  'this',
  'that',
  'do',
  'does',
  'did',
  'i',
  'we',
  'you',
  'me',
  'my',
  'our',
  'please',
  'with',
  'about',
]);

/** Request words that say how a question asks, not what about: they must not make a card relevant. */
const KOREAN_FILLER = new Set([
  '알려줘',
  '알려주세요',
  '알려',
  '뭐야',
  '뭐예요',
  '뭔가요',
  '얼마야',
  '해줘',
  '주세요',
  '있어',
  '있나요',
  '있나',
  '되나요',
  '돼',
  '좀',
  '그럼',
  '그냥',
  '근데',
  '혹시',
  '어떻게',
  '궁금해',
  '궁금합니다',
  '말해줘',
]);

/**
 * Terms for ranking: English words (lightly stemmed, minus stop words) and, for Korean, the word
 * without its particle plus its syllable bigrams, so spacing ("공고 기간" / "공고기간") and attached
 * endings still meet.
 */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeText(text));
}

/** {@link tokenize} for a text already normalised (the reading's). */
export function tokenizeNormalized(norm: NormalizedText): string[] {
  const terms: string[] = [];
  for (const token of norm.tokens) {
    if (HANGUL.test(token)) {
      const word = stripParticle(token);
      if (KOREAN_FILLER.has(word) || KOREAN_FILLER.has(token)) continue;
      terms.push(word);
      for (let i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
    } else if (!ENGLISH_STOPWORDS.has(token)) {
      terms.push(stem(token));
    }
  }
  return terms;
}
