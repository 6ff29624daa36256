import { z } from 'zod';

/**
 * The zod schemas here are the single definition of the knowledge base's shape.
 * Every type the engine uses is inferred from them (`z.infer`), never written twice.
 */

export const id = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lowercase kebab-case');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

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

export const provenance = {
  sources: z.array(id),
  confidence: confidenceSchema,
  /** Why a fact is inferred or not found; shown to the user. */
  note: localizedSchema.optional(),
};

/** A fact's value is null exactly when no source gives it (confidence not_found). */
export function checkFact(
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
  .object({
    text: localizedSchema,
    ...provenance,
    facts: z.array(z.string()).default([]),
    /**
     * For a statement of what is not known (not_found): phrases that ask for exactly that ("어느
     * 사업이", "which projects"). A question holding one is answered as unknown, whatever else the
     * topic states.
     */
    askedBy: z.lazy(() => aliasesSchema).optional(),
  })
  .strict()
  .refine((s) => s.confidence === 'not_found' || s.sources.length > 0, {
    error: 'a statement needs at least one source unless it is not_found',
    path: ['sources'],
  })
  .refine((s) => s.askedBy === undefined || s.confidence === 'not_found', {
    error: 'askedBy is only for a statement of what is not known (not_found)',
    path: ['askedBy'],
  });
export type Statement = z.infer<typeof statementSchema>;

export const aliasesSchema = z
  .object({ ko: z.array(z.string().min(1)), en: z.array(z.string().min(1)) })
  .strict();
export type Aliases = z.infer<typeof aliasesSchema>;
