/** What the fact lock needs from a knowledge base: the names of projects, agencies and extension periods. */
import type { KnowledgeBase } from '../../knowledge/parse.js';

export interface LockKnowledge {
  /**
   * Project names. A project's full name (with its phase) names one edition's record: `edition` is
   * set, so "국민비서 (3차)" is not taken for the 2021 project "(2차)"; short names have no edition.
   */
  readonly projects: readonly {
    readonly id: string;
    readonly edition: number | null;
    readonly names: readonly string[];
  }[];
  readonly agencies: readonly { readonly name: string; readonly names: readonly string[] }[];
  /** Names of extension periods ("1차 연장", "1st extension"), without their dates. */
  readonly periods: readonly string[];
}

/** A period label without its parenthesised dates, when it tells one period from another. */
function periodName(label: string): string | null {
  const name = label.replace(/\s*\(.*$/u, '').trim();
  return /\d/u.test(name) || /\s/u.test(name) ? name : null;
}

export function lockKnowledgeOf(kb: KnowledgeBase): LockKnowledge {
  const agencies = kb.lexicon.agencies.map((agency) => {
    const names = new Set([agency.name, ...agency.aliases]);
    for (const project of kb.projects) {
      const lead = project.leadAgency.value;
      if (lead?.ko === agency.name) names.add(lead.en);
    }
    return { name: agency.name, names: [...names] };
  });
  const periods = new Set<string>();
  for (const measure of kb.measures.values()) {
    for (const period of measure.periods) {
      for (const label of [period.label.ko, period.label.en]) {
        const name = periodName(label);
        if (name !== null) periods.add(name);
      }
    }
  }
  return {
    projects: [
      ...kb.projects.map((p) => ({ id: p.id, edition: p.edition, names: [p.name.ko, p.name.en] })),
      ...[...new Set(kb.projects.map((p) => p.id))].map((id) => ({
        id,
        edition: null,
        names: [
          ...new Set(
            kb.projects.filter((p) => p.id === id).flatMap((p) => [...p.aliases.ko, ...p.aliases.en]),
          ),
        ],
      })),
    ],
    agencies,
    periods: [...periods],
  };
}
