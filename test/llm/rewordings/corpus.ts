import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** One rewording of a real answer: the question, the day it is answered for, and the model's text. */
const rewordingSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u)
    .nullish(),
  lang: z.enum(['ko', 'en']).nullish(),
  reworded: z.string(),
  change: z.string(),
});

export type Rewording = z.infer<typeof rewordingSchema> & { readonly file: string };

const DIR = new URL('./', import.meta.url);

/** Every rewording of `benign*.jsonl` (must pass) or `attack-*.jsonl` (must be refused), by file. */
export function loadRewordings(kind: 'attack' | 'benign'): Map<string, Rewording[]> {
  const files = readdirSync(DIR)
    .filter((name) => name.endsWith('.jsonl') && name.startsWith(kind))
    .sort();
  return new Map(
    files.map((file) => [
      file,
      readFileSync(new URL(file, DIR), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = rewordingSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
          return { ...parsed.data, file };
        }),
    ]),
  );
}

/** The question, day and language a rewording's answer is keyed by in decided-answers.json. */
export function answerKey(rewording: Rewording): string {
  return JSON.stringify([rewording.question, rewording.asOf ?? '2026-11-26', rewording.lang ?? null]);
}

/** The answer texts the rewordings were written against, by {@link answerKey}. */
export function recordedTexts(): ReadonlyMap<string, string> {
  const snapshot = JSON.parse(readFileSync(new URL('decided-answers.json', DIR), 'utf8')) as Record<
    string,
    { text: string }
  >;
  return new Map(Object.entries(snapshot).map(([key, decided]) => [key, decided.text]));
}
