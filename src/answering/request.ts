import type { Engine, ProjectAspect, ProjectFilter } from '../core/engine.js';
import type { DateRange } from '../core/extract.js';
import type { Answer, Language } from '../core/types.js';

/**
 * What a user asked, in a form that can be stored behind a button and answered again
 * (share, project pick, clarify pick), always by the engine.
 */
export type AnswerRequest =
  | {
      readonly kind: 'question';
      readonly text: string;
      /** Forces the reply language (`npm run ask -- --lang`); otherwise the question's own. */
      readonly language?: Language | undefined;
    }
  | {
      readonly kind: 'project';
      readonly id: string;
      readonly aspect: ProjectAspect | null;
      /** The program year; the latest edition with the project when absent. */
      readonly year?: number | undefined;
    }
  | { readonly kind: 'list'; readonly filter: ProjectFilter }
  | {
      readonly kind: 'rule';
      readonly decision: string;
      readonly values: Readonly<Record<string, number | string | boolean | undefined>>;
      readonly date: DateRange | null;
    }
  | { readonly kind: 'topics'; readonly ids: readonly string[]; readonly year?: number | undefined }
  | { readonly kind: 'sources' }
  | { readonly kind: 'help' };

/** Runs a request through the engine. `language` is used unless a free question sets its own. */
export function runRequest(
  engine: Engine,
  request: AnswerRequest,
  language: Language,
  today: string,
): Answer {
  switch (request.kind) {
    case 'question':
      return engine.answer({ text: request.text, today, language: request.language });
    case 'project':
      return engine.describeProject(request.id, request.aspect, language, request.year);
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
      return engine.showTopics(request.ids, language, request.year);
    case 'sources':
      return engine.listSources(language);
    case 'help':
      return engine.answer({ text: 'help', today, language });
  }
}

/** The words a rewording is asked for: the question itself, or the title shown above the answer. */
export function questionOf(request: AnswerRequest, title: string | undefined): string {
  return request.kind === 'question' ? request.text : (title ?? '');
}
