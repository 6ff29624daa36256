import type { Answer } from '../../core/types.js';

/** An answer as the terminal shows it: the text, then its sources. */
export function renderAnswer(
  answer: Answer,
  phrased?: { text: string; notice?: string | undefined },
): string {
  const body = phrased?.text ?? answer.text;
  const text = phrased?.notice ? `${body}\n${phrased.notice.replace(/^-#\s*/, '')}` : body;
  if (answer.sources.length === 0) return text;
  const label = answer.language === 'ko' ? '출처' : 'Sources';
  return `${text}\n\n${label}:\n${answer.sources.map((s) => `  - ${s.title}\n    ${s.url}`).join('\n')}`;
}
