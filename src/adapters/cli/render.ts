import type { Answer } from '../../core/types.js';

/** An answer as the terminal shows it: the text, then its sources. */
export function renderAnswer(answer: Answer, phrased?: { text: string; notice?: string | undefined }): string {
  const body = phrased?.text ?? answer.text;
  const text = phrased?.notice ? `${body}\n${phrased.notice.replace(/^-#\s*/, '')}` : body;
  if (answer.sources.length === 0) return text;
  const label = answer.language === 'ko' ? '출처' : 'Sources';
  return `${text}\n\n${label}:\n${answer.sources.map((s) => `  - ${s.title}\n    ${s.url}`).join('\n')}`;
}

/** Today in Korea (the briefing's and the rules' time zone), as YYYY-MM-DD. */
// Building an Intl formatter costs far more than using one: build it once.
const KOREA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' });

export function todayInKorea(now: Date = new Date()): string {
  return KOREA_DATE.format(now);
}
