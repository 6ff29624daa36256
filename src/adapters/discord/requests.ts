import type { Engine, ProjectAspect, ProjectFilter } from '../../core/engine.js';
import type { DateRange } from '../../core/extract.js';
import type { Answer, Language } from '../../core/types.js';

/**
 * What a user asked, in a form that can be stored behind a button and answered again
 * (share, candidate pick), always by the engine.
 */
export type AnswerRequest =
  | { readonly kind: 'question'; readonly text: string }
  | { readonly kind: 'project'; readonly id: string; readonly aspect: ProjectAspect | null }
  | { readonly kind: 'list'; readonly filter: ProjectFilter }
  | {
      readonly kind: 'rule';
      readonly decision: string;
      readonly values: Readonly<Record<string, number | string | boolean | undefined>>;
      readonly date: DateRange | null;
    }
  | { readonly kind: 'topics'; readonly ids: readonly string[] }
  | { readonly kind: 'sources' }
  | { readonly kind: 'help' };

export const BRIEFING_TOPICS = [
  'briefing-when',
  'briefing-channel',
  'briefing-scope',
  'briefing-agenda',
  'briefing-questions',
];

/** Runs a request through the engine. `language` is used unless a free question sets its own. */
export function runRequest(
  engine: Engine,
  request: AnswerRequest,
  language: Language,
  today: string,
): Answer {
  switch (request.kind) {
    case 'question':
      return engine.answer({ text: request.text, today });
    case 'project':
      return engine.describeProject(request.id, request.aspect, language);
    case 'list':
      return engine.listProjects(request.filter, language);
    case 'rule':
      return engine.checkRule({
        decision: request.decision,
        values: request.values,
        date: request.date,
        today,
        language,
      });
    case 'topics':
      return engine.showTopics(request.ids, language);
    case 'sources':
      return engine.listSources(language);
    case 'help':
      return engine.answer({ text: language === 'ko' ? '도움말' : 'help', today, language });
  }
}
