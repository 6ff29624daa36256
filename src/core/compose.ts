import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Confidence, Localized, Statement } from '../knowledge/schema.js';
import { MessageBook } from './messages.js';
import type { Answer, AnswerStatus, Candidate, Citation, Language, RuleTrace } from './types.js';

/**
 * Collects what an answer says, which sources back it and which facts it states, so the text,
 * the citations and the fact-lock data always come from the same place.
 */
export class AnswerBuilder {
  private readonly lines: string[] = [];
  private readonly sourceIds: string[] = [];
  private readonly factSet = new Set<string>();
  private readonly keyFactSet = new Set<string>();
  private inferred = false;
  private statements = 0;
  /** A measure's state on the asked day, when the answer says it ("still in force?"). */
  private stateVerdict: Answer['verdict'] = null;
  private stateAsked = false;
  readonly messages: MessageBook;

  constructor(
    private readonly kb: KnowledgeBase,
    readonly language: Language,
  ) {
    this.messages = new MessageBook(kb.messages);
  }

  msg(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    return this.messages.get(key, this.language, values);
  }

  text(localized: Localized): string {
    return localized[this.language];
  }

  line(text: string): this {
    this.lines.push(text);
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
    return this;
  }

  cite(ids: readonly string[]): this {
    for (const id of ids) if (!this.sourceIds.includes(id)) this.sourceIds.push(id);
    return this;
  }

  fact(...values: readonly string[]): this {
    for (const v of values) this.factSet.add(v);
    return this;
  }

  keyFact(...values: readonly string[]): this {
    for (const v of values) {
      this.factSet.add(v);
      this.keyFactSet.add(v);
    }
    return this;
  }

  /** The "(inferred)" mark for a fact of this confidence, with a leading space, or ''. */
  mark(confidence: Confidence): string {
    if (confidence !== 'inferred') return '';
    this.inferred = true;
    return ` ${this.msg('inferred')}`;
  }

  /**
   * "아직 유효해? / was it still in force on …?": whether the measure applied that day (allowed), did
   * not yet (not_allowed) or is not recorded (unknown); the verdict unless a rule gives its own.
   */
  measureState(verdict: NonNullable<Answer['verdict']>, asked: boolean): this {
    this.stateVerdict = verdict;
    this.stateAsked = asked;
    return this;
  }

  /** Whether a stored statement has been added (related facts already shown). */
  hasStatements(): boolean {
    return this.statements > 0;
  }

  /** Adds a stored statement: its text, an inferred mark, its sources and its facts. */
  statement(statement: Statement, bullet = false): this {
    this.statements++;
    this.line(`${bullet ? '• ' : ''}${this.text(statement.text)}${this.mark(statement.confidence)}`);
    this.cite(statement.sources);
    this.keyFact(...statement.facts);
    return this;
  }

  build(fields: {
    status: AnswerStatus;
    kind: Answer['kind'];
    projects?: readonly string[];
    verdict?: Answer['verdict'];
    rule?: string | null;
    traces?: readonly RuleTrace[];
    candidates?: readonly Candidate[];
  }): Answer {
    const sources: Citation[] = [];
    for (const id of this.sourceIds) {
      const source = this.kb.sources.get(id);
      if (source) sources.push({ title: source.title, url: source.url });
    }
    const text = this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    // "Still in force then?" with no record for that day: the asked fact is unknown.
    const status =
      fields.status === 'answered' &&
      fields.verdict === undefined &&
      this.stateAsked &&
      this.stateVerdict === 'unknown'
        ? 'unknown_fact'
        : fields.status;
    return {
      status,
      language: this.language,
      projects: fields.projects ?? [],
      verdict: fields.verdict ?? this.stateVerdict,
      rule: fields.rule ?? null,
      text,
      sources,
      facts: [...this.factSet],
      // A key fact must be kept by a rewording, so only what this text (in its language) shows.
      keyFacts: [...this.keyFactSet].filter((f) => text.includes(f)),
      traces: fields.traces ?? [],
      candidates: fields.candidates ?? [],
      hasInferred: this.inferred,
      kind: fields.kind,
    };
  }
}
