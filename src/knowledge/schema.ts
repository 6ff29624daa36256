import { z } from 'zod';
import {
  aliasesSchema,
  amountFactSchema,
  booleanFactSchema,
  confidenceSchema,
  id,
  isoDate,
  localizedFactSchema,
  localizedSchema,
  numberFactSchema,
  provenance,
  sourceSchema,
  statementSchema,
} from './schema/base.js';
import { decisionSchema, instrumentSchema, measureSchema, ruleSchema } from './schema/rules.js';

export * from './schema/base.js';
export * from './schema/rules.js';

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
    /** How long the project (or a phase of it) runs, where a source says; most records leave it out. */
    duration: localizedFactSchema.default({ value: null, sources: [], confidence: 'not_found' }),
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
     * A measure (contract-exceptions.yaml) whose state on a day the topic reports first when asked
     * "still in force?" / "아직 유효해?" (the question form `status`): in force to when, or not recorded.
     */
    statusOf: id.optional(),
    /**
     * Yes/no questions the topic's own statements settle, with no inputs to weigh ("can the agency
     * skip the committee?"): a claim answers a yes/no question on the topic that has one phrase of
     * each `requires` group, with its verdict and its sentence.
     */
    claims: z
      .array(
        z
          .object({
            requires: z.array(aliasesSchema).min(1),
            verdict: z.enum(['allowed', 'not_allowed']),
            /** The day the claim starts to hold; asked before it, the claim does not answer. */
            since: isoDate.optional(),
            /**
             * Whose act the claim is about: asked of the other side ("can the agency insist …?" for
             * the contractor's "may propose"), the claim does not answer.
             */
            side: z.enum(['agency', 'contractor']).optional(),
            text: localizedSchema,
            sources: z.array(id).min(1),
            confidence: confidenceSchema,
          })
          .strict(),
      )
      .default([]),
    /**
     * A figure that depends on the amount asked ("제안서 공고기간": 40 / 20 / 10 days by price): with
     * one amount in the question, the tier it falls in is said first, from `text` with {tier} (the
     * tier's label, so no figure is shown that neither the data nor the asker wrote) and {value}.
     * Tiers are checked from the highest `from` (KRW) down.
     */
    byAmount: z
      .object({
        text: localizedSchema,
        tiers: z
          .array(
            z
              .object({
                from: z.number().int().nonnegative(),
                label: localizedSchema,
                value: localizedSchema,
                /** The tier's notice period in days: a period the asker states is checked against it. */
                days: z.number().int().positive().optional(),
              })
              .strict(),
          )
          .min(2),
        /**
         * Words of the urgent case ("긴급", "re-announced") and its own period in days; null when
         * the urgent case needs a statutory reason the question cannot show (no verdict then).
         */
        urgent: z
          .object({ words: aliasesSchema, days: z.number().int().positive().nullable() })
          .strict()
          .optional(),
        sources: z.array(id).min(1),
        confidence: confidenceSchema,
      })
      .strict()
      .optional(),
    /**
     * A decision (rules.yaml) whose verdict answers this topic's questions when they give the
     * decision's inputs ("24년 3월 공사계약 선금 100% 돼?" on the works-advance topic).
     */
    decision: id.optional(),
    /**
     * Wrong premises people bring to this topic (a venue of another year, say): when a question
     * contains one of the phrases, the correction is said first.
     */
    premises: z
      .array(
        z
          .object({
            phrases: aliasesSchema,
            /** Phrases of which one must also be present ("주차" counts only next to "설명회"). */
            with: aliasesSchema.optional(),
            correction: localizedSchema,
            sources: z.array(id),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .refine((t) => t.keywords.ko.length + t.keywords.en.length > 0 || t.requires.length > 0, {
    error: 'a topic needs keywords or requires',
  });
export type Topic = z.infer<typeof topicSchema>;

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
  'status',
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
      'duration',
      'name',
    ]),
    keywords: aliasesSchema,
    /**
     * Cards offered back when the aspect is asked with nothing it could belong to ("예산 얼마야?"):
     * the program's size, a project's budget, … (card ids as in examples.yaml).
     */
    askBack: z.array(z.string()).default([]),
    /**
     * Topics that answer the aspect for the edition as a whole when a project's record does not
     * ("was it left out of the briefing?": the briefing's list of what it left out), by topic id.
     */
    unknownContext: z.array(id).default([]),
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
    /**
     * Cards offered back when a short question has only a question form and nothing it could be
     * about ("when does it end?", "마감 언제야?"): per form, card ids as in examples.yaml.
     */
    askBackForms: z.partialRecord(z.enum(FORM_IDS), z.array(z.string())).default({}),
    /**
     * The topic a count of projects the question states is checked against when nothing else is
     * named ("21년 과제 12개였죠?", "2021 had 12 projects right?"): its answer corrects the count.
     */
    statedCountTopic: id.optional(),
    /** Cards offered back for a bare "can I do that?" ("그거 해도 돼?"): the rules most asked. */
    askBackRule: z.array(z.string()).default([]),
    /** Cards offered back for a bare follow-up with nothing named ("그럼 2022년엔?", "and the other one?"). */
    askBackFollowUp: z.array(z.string()).default([]),
    /**
     * Words that, asked on a briefing day with nothing else named, are about that briefing ("몇시까지
     * 함?", "how many are they presenting today?"); lexicon `events` give the briefing days.
     */
    liveCues: aliasesSchema.default({ ko: [], en: [] }),
    /** Words users mistype most ("설멍회", "전자정뷰"): read as the word when one jamo away. */
    typoWords: z.array(z.string()).default([]),
    /**
     * Another country's procurement law ("미국 FAR", "the UK's rules"): a question naming one is outside
     * what the bot knows even when it also has this knowledge base's rule words (sole source, 수의계약).
     */
    foreignLaw: aliasesSchema,
    forms: z
      .object(
        Object.fromEntries(FORM_IDS.map((id) => [id, aliasesSchema])) as Record<
          QuestionForm,
          typeof aliasesSchema
        >,
      )
      .strict(),
    /**
     * Days a question can date a rule by ("국민비서 정식 오픈한 날 기준으로", "on the day of the 2020
     * briefing"): each with its date, the phrases that name it and the sources that give the date.
     */
    events: z
      .array(z.object({ date: isoDate, phrases: aliasesSchema, sources: z.array(id).min(1) }).strict())
      .default([]),
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
