import { convertQwertyToHangul, disassemble, getChoseong } from 'es-hangul';
import { distance } from 'fastest-levenshtein';
import type { Project } from '../knowledge/schema.js';
import type { Language } from './types.js';

/** Discord's limit for a choice name. */
const MAX_CHOICE_NAME = 100;

// NFKC would turn compatibility jamo (ㄱ, as typed and as getChoseong returns) into conjoining jamo.
const compact = (text: string) =>
  (/[\u3131-\u318e]/.test(text) ? text : text.normalize('NFKC')).toLowerCase().replace(/[\s\-·().,'"]/g, '');
const ONLY_CHOSEONG = /^[ㄱ-ㅎ]+$/;

/**
 * How well `query` (what the user has typed so far) fits `candidate`. 0 means not at all.
 * Handles Korean typed in progress (국민ㅂ), initial consonants (ㄱㅁㅂㅅ), typos and English.
 */
function scoreCandidate(query: string, candidate: string): number {
  const c = compact(candidate);
  if (c === query) return 100;
  if (c.startsWith(query)) return 90;
  if (c.includes(query)) return 70;
  if (ONLY_CHOSEONG.test(query)) {
    const initials = getChoseong(c);
    if (initials.startsWith(query)) return 80;
    if (initials.includes(query)) return 60;
    return 0;
  }
  const queryJamo = disassemble(query);
  const candidateJamo = disassemble(c);
  // The last syllable may still be half-typed: compare letter by letter.
  if (candidateJamo.startsWith(queryJamo)) return 85;
  if (query.length >= 2) {
    const tolerance = queryJamo.length >= 8 ? 2 : 1;
    const prefix = candidateJamo.slice(0, queryJamo.length);
    if (distance(prefix, queryJamo) <= tolerance) return 50;
    if (query.length >= 4 && distance(candidateJamo, queryJamo) <= tolerance) return 45;
  }
  return 0;
}

/** Projects ranked for an autocomplete query; an empty query lists them all in order. */
export function rankSuggestions(
  projects: readonly Project[],
  query: string,
  language: Language,
): { id: string; name: string }[] {
  const ranked = rank(projects, compact(query), language);
  if (ranked.length > 0 || !/^[a-z]+$/i.test(query)) return ranked;
  // Typed with the Korean keyboard layout off (rnralsqltj → 국민비서)?
  let hangul: string;
  try {
    hangul = convertQwertyToHangul(query);
  } catch {
    return ranked; // not a key sequence that spells Hangul
  }
  return rank(projects, compact(hangul), language);
}

function rank(projects: readonly Project[], q: string, language: Language): { id: string; name: string }[] {
  const scored = projects.map((project, order) => {
    const candidates = [
      ...project.aliases.ko,
      ...project.aliases.en,
      ...project.sharedAliases.ko,
      ...project.sharedAliases.en,
      project.name.ko,
      project.name.en,
    ];
    const score = q === '' ? 1 : Math.max(...candidates.map((candidate) => scoreCandidate(q, candidate)));
    return { project, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ project }) => {
      const name = project.name[language];
      return {
        id: project.id,
        name: name.length > MAX_CHOICE_NAME ? `${name.slice(0, MAX_CHOICE_NAME - 1)}…` : name,
      };
    });
}
