import type { BriefingRecord, QuestionView } from './model.js';
import { compareViews } from './model.js';

export interface ExportOptions {
  /** Asker names are personal data: only when the organiser asks for them. */
  readonly includeNames: boolean;
}

const STATUS_ORDER = { queued: 0, answered: 1, dismissed: 2, auto: 3 } as const;

function ordered(views: readonly QuestionView[]): QuestionView[] {
  return [...views].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareViews(a, b));
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Cells starting with = + - @ would run as formulas in a spreadsheet; prefix them with '.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** All questions as CSV (UTF-8 with BOM so spreadsheet programs read Korean correctly). */
export function toCsv(views: readonly QuestionView[], options: ExportOptions): string {
  const header = [
    'id',
    'question',
    'status',
    'votes',
    'answer',
    'asked_at',
    'decided_at',
    'source',
    ...(options.includeNames ? ['asker', 'voters'] : []),
  ];
  const rows = ordered(views).map((v) => [
    v.question.id,
    v.question.text,
    v.status,
    v.votes.length,
    v.answer ?? '',
    v.question.askedAt,
    v.decidedAt ?? '',
    v.question.source,
    ...(options.includeNames ? [v.question.askerName, v.votes.map((vote) => vote.userName).join('; ')] : []),
  ]);
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function mdInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

const STATUS_LABEL = {
  queued: 'Not answered',
  answered: 'Answered',
  dismissed: 'Dismissed',
  auto: 'Answered automatically',
} as const;

/** All questions as Markdown, grouped by status. */
export function toMarkdown(
  briefing: BriefingRecord,
  views: readonly QuestionView[],
  options: ExportOptions,
): string {
  const lines = [
    `# ${mdInline(briefing.title)}`,
    '',
    `- Started: ${briefing.startedAt}`,
    `- Stopped: ${briefing.stoppedAt ?? '(running)'}`,
    `- Questions: ${views.length}`,
    '',
  ];
  for (const status of ['queued', 'answered', 'dismissed', 'auto'] as const) {
    const group = ordered(views).filter((v) => v.status === status);
    if (group.length === 0) continue;
    lines.push(`## ${STATUS_LABEL[status]} (${group.length})`, '');
    for (const v of group) {
      const who = options.includeNames ? ` — ${mdInline(v.question.askerName)}` : '';
      lines.push(
        `- **${mdInline(v.question.text)}** (${v.votes.length} vote${v.votes.length === 1 ? '' : 's'}, asked ${v.question.askedAt})${who}`,
      );
      if (v.answer !== null) lines.push(`  - Answer: ${mdInline(v.answer)}`);
      if (v.decidedAt !== null) lines.push(`  - ${STATUS_LABEL[status]} at ${v.decidedAt}`);
      if (options.includeNames && v.votes.length > 0)
        lines.push(`  - Voters: ${v.votes.map((vote) => mdInline(vote.userName)).join(', ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
