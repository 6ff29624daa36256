import { z } from 'zod';

/**
 * The zod schemas here are the single definition of the knowledge base's shape.
 * Every type the engine uses is inferred from them (`z.infer`), never written twice.
 */

const id = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lowercase kebab-case');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

/** Text in both reply languages. */
export const localizedSchema = z.object({ ko: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

/** confirmed: a source states it. inferred: reasoned from sources. not_found: looked for, no source. */
export const confidenceSchema = z.enum(['confirmed', 'inferred', 'not_found']);
export type Confidence = z.infer<typeof confidenceSchema>;

/**
 * What kind of item a source is. `forum` (a repost on a cafe or board) and `code` (a file in a code
 * repository, e.g. an unrelated project quoting a law) are weak: kb:check warns about a fact that
 * rests on weak sources only.
 */
export const sourceKindSchema = z.enum(['government', 'law', 'news', 'blog', 'forum', 'code', 'other']);
export type SourceKind = z.infer<typeof sourceKindSchema>;
export const WEAK_SOURCE_KINDS: readonly SourceKind[] = ['forum', 'code'];

export const sourceSchema = z
  .object({
    id,
    title: z.string().min(1),
    publisher: z.string().min(1),
    kind: sourceKindSchema,
    date: isoDate.optional(),
    url: z.url(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

const provenance = {
  sources: z.array(id),
  confidence: confidenceSchema,
  /** Why a fact is inferred or not found; shown to the user. */
  note: localizedSchema.optional(),
};

/** A fact's value is null exactly when no source gives it (confidence not_found). */
function checkFact(
  fact: { value: unknown; confidence: Confidence; sources: string[] },
  ctx: z.RefinementCtx,
): void {
  if (fact.value === null && fact.confidence !== 'not_found') {
    ctx.addIssue({ code: 'custom', message: 'a null value must have confidence not_found' });
  }
  if (fact.value !== null && fact.confidence === 'not_found') {
    ctx.addIssue({ code: 'custom', message: 'confidence not_found needs a null value' });
  }
  if (fact.value !== null && fact.sources.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'a known fact needs at least one source', path: ['sources'] });
  }
}

/** An amount of Korean won, with the forms people write it in. */
export const amountSchema = z
  .object({ krw: z.number().int().positive(), ko: z.string().min(1), en: z.string().min(1) })
  .strict();
export type Amount = z.infer<typeof amountSchema>;

export const localizedFactSchema = z
  .object({ value: localizedSchema.nullable(), ...provenance })
  .strict()
  .superRefine(checkFact);
export const amountFactSchema = z
  .object({ value: amountSchema.nullable(), ...provenance })
  .strict()
  .superRefine(checkFact);
export const booleanFactSchema = z
  .object({ value: z.boolean().nullable(), ...provenance })
  .strict()
  .superRefine(checkFact);
export const numberFactSchema = z
  .object({ value: z.number().int().positive().nullable(), ...provenance })
  .strict()
  .superRefine(checkFact);
export type LocalizedFact = z.infer<typeof localizedFactSchema>;

/** A free statement with its provenance: used for notes, history and topic answers. */
export const statementSchema = z
  .object({ text: localizedSchema, ...provenance, facts: z.array(z.string()).default([]) })
  .strict()
  .refine((s) => s.confidence === 'not_found' || s.sources.length > 0, {
    error: 'a statement needs at least one source unless it is not_found',
    path: ['sources'],
  });
export type Statement = z.infer<typeof statementSchema>;

export const aliasesSchema = z
  .object({ ko: z.array(z.string().min(1)), en: z.array(z.string().min(1)) })
  .strict();
export type Aliases = z.infer<typeof aliasesSchema>;

export const projectSchema = z
  .object({
    id,
    /** The program year this record belongs to; set by the loader from the edition's folder. */
    edition: z.number().int(),
    /** Whether this project is known to be one of its edition's projects. */
    membership: z.object(provenance).strict(),
    name: localizedSchema,
    /** Short names people use (국민비서, 세움터 ...). Matching only; not facts. */
    aliases: aliasesSchema,
    /** Aliases that also fit other projects: a hit lists candidates instead of guessing. */
    sharedAliases: aliasesSchema.default({ ko: [], en: [] }),
    phase: numberFactSchema,
    isNew: booleanFactSchema,
    longTermContract: booleanFactSchema,
    briefed: booleanFactSchema,
    leadAgency: localizedFactSchema,
    /** The budget in the edition's year. */
    budget: amountFactSchema,
    category: localizedFactSchema,
    technologyGroup: localizedFactSchema,
    orderSchedule: localizedFactSchema,
    description: localizedFactSchema,
    notes: z.array(statementSchema).default([]),
  })
  .strict();
export type Project = z.infer<typeof projectSchema>;

export const unnamedProjectSchema = z
  .object({ slots: z.number().int().positive(), text: localizedSchema, ...provenance })
  .strict();

/** A question topic answered by stored statements (program facts, law articles, procurement facts). */
export const topicSchema = z
  .object({
    id,
    /** The program year of an edition's topic (set by the loader); shared topics have none. */
    edition: z.number().int().optional(),
    group: z.enum(['program', 'briefing', 'contract', 'sw-act', 'procurement']),
    title: localizedSchema,
    /** Phrases that point to this topic: any one of them, found in the normalised question. */
    keywords: aliasesSchema,
    /** Groups of phrases that must all be present (one phrase of each group), for narrow topics. */
    requires: z.array(aliasesSchema).default([]),
    /** Projects the topic is about, reported with the answer. */
    projects: z.array(id).default([]),
    /** Extra weight when several topics match; higher wins. */
    weight: z.number().int().default(0),
    statements: z.array(statementSchema).min(1),
    /** Set when the topic is itself an unknown fact (e.g. the 2021 pre-registered questions). */
    unknown: z.boolean().default(false),
    /**
     * A comparison with a program year that has no edition of its own (2020): answered for questions
     * about that year, or comparing with it, not for any question that merely names a year.
     */
    compareYear: z.number().int().optional(),
    /** For a comparison: the edition topic it stands for, read in the other years compared (program-size). */
    concept: id.optional(),
    /**
     * Wrong premises people bring to this topic (a venue of another year, say): when a question
     * contains one of the phrases, the correction is said first.
     */
    premises: z
      .array(z.object({ phrases: aliasesSchema, correction: localizedSchema, sources: z.array(id) }).strict())
      .default([]),
  })
  .strict()
  .refine((t) => t.keywords.ko.length + t.keywords.en.length > 0 || t.requires.length > 0, {
    error: 'a topic needs keywords or requires',
  });
export type Topic = z.infer<typeof topicSchema>;

export const periodSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    label: localizedSchema,
    ...provenance,
  })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'from must not be after to' });
export type Period = z.infer<typeof periodSchema>;

/**
 * A legal instrument that carries temporary measures: the MOEF notice on the decree exceptions'
 * application period, or the MOEF contract guideline (계약지침). `localPeriods` are the recorded
 * periods of its local-government counterpart (지방계약법 시행령, MOIS notice), which sources give
 * for the instrument as a whole, not per measure; no rule reads them.
 */
export const instrumentSchema = z
  .object({
    id,
    title: localizedSchema,
    issuer: localizedSchema,
    description: localizedSchema,
    sources: z.array(id).min(1),
    confidence: confidenceSchema,
    localPeriods: z.array(periodSchema).default([]),
  })
  .strict();
export type Instrument = z.infer<typeof instrumentSchema>;

/** A COVID-19 temporary contract measure and every recorded national period it was in force. */
export const measureSchema = z
  .object({
    id,
    title: localizedSchema,
    relaxes: localizedSchema,
    temporary: localizedSchema,
    legalBasis: localizedSchema,
    /** The instrument (an `instruments` id) that carries the measure; null when no source says. */
    instrument: z
      .object({ value: id.nullable(), ...provenance })
      .strict()
      .superRefine(checkFact),
    /** National periods, without overlaps; a date in no period (a gap, or after the last) is unknown. */
    periods: z.array(periodSchema).min(1),
    /** What is known about coverage after the last period. */
    afterLastPeriod: localizedSchema,
    sources: z.array(id).min(1),
    confidence: confidenceSchema,
  })
  .strict();
export type Measure = z.infer<typeof measureSchema>;

/** `exists`: the question gave the input at all (a rule about an asked amount is skipped without one). */
const comparison = z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in', 'exists']);
export const conditionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('input'),
      input: z.string().min(1),
      op: comparison,
      value: z
        .union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))])
        .optional(),
    })
    .strict(),
  /** True when the reference date (or the whole asked range) lies in a recorded period of the measure. */
  z.object({ kind: z.literal('during'), measure: id }).strict(),
  /** True when the whole asked range is on or after the date (a rule in force from then on). */
  z.object({ kind: z.literal('onOrAfter'), date: isoDate }).strict(),
  /** True when the whole asked range is before the date. */
  z.object({ kind: z.literal('before'), date: isoDate }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const verdictSchema = z.enum(['allowed', 'not_allowed', 'unknown']);
export type Verdict = z.infer<typeof verdictSchema>;

export const ruleSchema = z
  .object({
    id,
    decision: id,
    priority: z.number().int(),
    when: z.array(conditionSchema),
    outcome: verdictSchema,
    legalBasis: localizedSchema,
    explanation: localizedSchema,
    sources: z.array(id).min(1),
    confidence: confidenceSchema,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const inputSchema = z
  .object({
    name: z.string().min(1),
    type: z.enum(['number', 'date', 'enum', 'boolean']),
    label: localizedSchema,
    values: z.array(z.string()).optional(),
    /** How each enum value reads to users (and in the Discord options), in both languages. */
    valueLabels: z.record(z.string(), localizedSchema).optional(),
  })
  .strict();

export const decisionSchema = z
  .object({
    id,
    title: localizedSchema,
    /** Phrases that point to this decision. A question matches when any phrase is present. */
    keywords: aliasesSchema,
    inputs: z.array(inputSchema).min(1),
    /** Which input a missing value should be asked for, and how. */
    missingInput: z.record(z.string(), localizedSchema).default({}),
    measure: id.optional(),
    /** The topic that explains the rules when the question asks what they are, not a yes/no. */
    topic: id.optional(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

export const programSchema = z
  .object({
    name: localizedSchema,
    projectCount: numberFactSchema,
    totalBudget: amountFactSchema,
    unnamedProjects: unnamedProjectSchema,
    /** The briefing's date as a project answer cites it (2021-01-21). */
    briefingDate: isoDate,
    /** How many projects the briefing covered. */
    briefedCount: numberFactSchema,
    /** Said after a project budget no source gives: which budgets are known in this edition. */
    budgetNote: localizedSchema,
  })
  .strict();

/** How a question asks, whatever it asks about (see lexicon.yaml `forms`). */
export const FORM_IDS = [
  'legalBasis',
  'mandatory',
  'includes',
  'why',
  'premise',
  'superlative',
  'compare',
  'count',
  'total',
  'when',
  'where',
] as const;
export type QuestionForm = (typeof FORM_IDS)[number];

/** Aspect words: which field of a project a question asks for. */
export const aspectSchema = z
  .object({
    id: z.enum([
      'budget',
      'phase',
      'isNew',
      'longTermContract',
      'briefed',
      'leadAgency',
      'category',
      'technologyGroup',
      'orderSchedule',
      'description',
      'winner',
      'contact',
      'name',
    ]),
    keywords: aliasesSchema,
  })
  .strict();
export type Aspect = z.infer<typeof aspectSchema>;

export const lexiconSchema = z
  .object({
    aspects: z.array(aspectSchema),
    /** Words asking for a yes/no decision ("돼?", "can I"), which route a rule topic to its rule. */
    decisionCues: aliasesSchema,
    /** Words asking for information, not a yes/no decision. */
    infoCues: aliasesSchema,
    /** Words asking for a list of projects. */
    listCues: aliasesSchema,
    /** Words that only make sense for the program as a whole (총, 전체, total ...). */
    programCues: aliasesSchema,
    /** Greetings and help requests. */
    helpCues: aliasesSchema,
    /** Other ministries' programs and unrelated subjects: outside what the bot knows. */
    outOfScope: aliasesSchema,
    forms: z
      .object(
        Object.fromEntries(FORM_IDS.map((id) => [id, aliasesSchema])) as Record<
          QuestionForm,
          typeof aliasesSchema
        >,
      )
      .strict(),
    /** Short names of lead agencies, for list filters ("국토부 사업"). `name` is the Korean name in projects.yaml. */
    agencies: z.array(
      z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) }).strict(),
    ),
  })
  .strict();
export type Lexicon = z.infer<typeof lexiconSchema>;

export const messagesSchema = z.record(z.string(), localizedSchema);

/** The project lists a `list:<kind>` card can name. */
export const LIST_CARDS = ['all', 'new', 'long-term', 'not-briefed', 'by-agency', 'by-phase'] as const;

/**
 * Example questions for one answer card, which the engine ranks questions against. A card is
 * `topic:<topic id>`, `decision:<decision id>`, `aspect:<aspect id>` (a project's field, asked with a
 * project's name), `list:<one of LIST_CARDS>` or `help`.
 */
export const exampleSchema = z
  .object({
    card: z.string().regex(/^(?:topic|decision|aspect|list):[a-zA-Z0-9-]+$|^help$/, 'card is kind:id'),
    ko: z.array(z.string().min(2)).min(1),
    en: z.array(z.string().min(2)).min(1),
  })
  .strict();
export type Example = z.infer<typeof exampleSchema>;

/** Which program year an edition's folder holds, and when it was announced. */
export const editionSchema = z
  .object({ year: z.number().int().min(2000).max(2100), announced: isoDate })
  .strict();

/** The files of one edition (`editions/<year>/`): the program with its topics, and its projects. */
export const editionFileSchemas = {
  'program.yaml': z
    .object({ edition: editionSchema, program: programSchema, topics: z.array(topicSchema) })
    .strict(),
  'projects.yaml': z.object({ projects: z.array(projectSchema).min(1) }).strict(),
} as const;
export type EditionFileName = keyof typeof editionFileSchemas;

/** The shared files of the knowledge base (outside the editions): which key holds which list. */
export const knowledgeFileSchemas = {
  'sources.yaml': z.object({ sources: z.array(sourceSchema).min(1) }).strict(),
  'contract-exceptions.yaml': z
    .object({
      instruments: z.array(instrumentSchema).min(1),
      measures: z.array(measureSchema),
      topics: z.array(topicSchema),
    })
    .strict(),
  'sw-act.yaml': z.object({ topics: z.array(topicSchema) }).strict(),
  'rules.yaml': z.object({ decisions: z.array(decisionSchema), rules: z.array(ruleSchema) }).strict(),
  'lexicon.yaml': lexiconSchema,
  'messages.yaml': z.object({ messages: messagesSchema }).strict(),
  'examples.yaml': z.object({ examples: z.array(exampleSchema) }).strict(),
} as const;

export type KnowledgeFileName = keyof typeof knowledgeFileSchemas;
