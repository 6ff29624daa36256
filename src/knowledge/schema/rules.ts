import { z } from 'zod';
import {
  aliasesSchema,
  checkFact,
  confidenceSchema,
  id,
  isoDate,
  localizedSchema,
  provenance,
} from './base.js';

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
 * for the instrument as a whole, not per measure; a rule's `during` reads them for a local contract.
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
    /** When the local counterpart began: no local period can start before `from`. */
    localStart: z
      .object({ from: isoDate, label: localizedSchema, ...provenance })
      .strict()
      .optional(),
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

/**
 * `exists`: the question gave the input at all (a rule about an asked amount is skipped without one).
 * `absentOrNot`: the input was not given, or differs from `value` (a national rule that a local
 * contract must not reach: `contractLevel absentOrNot local`).
 */
const comparison = z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in', 'exists', 'absentOrNot']);
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
    /**
     * A small count (failed rounds): "what has to happen before …?" with no count given is answered
     * with the smallest count the rule allows, tried from 1 to this number.
     */
    countUpTo: z.number().int().min(2).max(10).optional(),
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
