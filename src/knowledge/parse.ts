import { createHash } from 'node:crypto';
import { checkReferences, sourceHolders, weakSourceWarnings } from './crossChecks.js';
import {
  EDITION_FILES,
  formatPath,
  KNOWLEDGE_FILES,
  KnowledgeError,
  type KnowledgeProblem,
  type Parsed,
  type ParsedEdition,
} from './problems.js';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { z } from 'zod';
import {
  editionFileSchemas,
  knowledgeFileSchemas,
  type EditionFileName,
  type Decision,
  type Example,
  type Instrument,
  type KnowledgeFileName,
  type Lexicon,
  type Localized,
  type Measure,
  type Project,
  type Rule,
  type Source,
  type Topic,
  type programSchema,
} from './schema.js';

/** One program year: its program facts, topics (briefing, comparisons) and projects. */
export interface Edition {
  readonly year: number;
  /** The day it was announced (YYYY-MM-DD). */
  readonly announced: string;
  readonly program: z.infer<typeof programSchema>;
  readonly projects: readonly Project[];
  readonly topics: readonly Topic[];
}

/** The validated knowledge base the answer engine reads. */
export interface KnowledgeBase {
  readonly version: string;
  readonly sources: ReadonlyMap<string, Source>;
  /** Every edition, oldest first. */
  readonly editions: readonly Edition[];
  /** Every project record of every edition (one id may have a record per edition). */
  readonly projects: readonly Project[];
  /** The shared topics and every edition's topics. */
  readonly topics: readonly Topic[];
  /** The instruments that carry the measures (the decree-exceptions notice, the contract guideline). */
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly measures: ReadonlyMap<string, Measure>;
  readonly decisions: readonly Decision[];
  readonly rules: readonly Rule[];
  readonly lexicon: Lexicon;
  readonly messages: Readonly<Record<string, Localized>>;
  /** Example questions per answer card. */
  readonly examples: readonly Example[];
}

const EDITION_PATH = /^editions\/(\d{4})\/([a-z-]+\.yaml)$/;

function readYaml(file: string, text: string, problems: KnowledgeProblem[]): unknown {
  try {
    // CORE_SCHEMA keeps dates as the strings the schema expects (no timestamp conversion).
    return loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    problems.push({ file, path: `line ${error.mark.line + 1}`, message: `YAML syntax: ${error.reason}` });
    return undefined;
  }
}

function validate<T>(
  file: string,
  schema: z.ZodType<T>,
  data: unknown,
  problems: KnowledgeProblem[],
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, path: formatPath(issue.path), message: issue.message });
  }
  return undefined;
}

/** Stamps an edition's year on its projects and topics, refusing a record that claims another year. */
function stampEdition(
  file: string,
  data: unknown,
  key: 'projects' | 'topics',
  year: number,
  problems: KnowledgeProblem[],
): void {
  if (data === null || typeof data !== 'object') return;
  const list = (data as Record<string, unknown>)[key];
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, i) => {
    if (item === null || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    if (record['edition'] !== undefined && record['edition'] !== year) {
      problems.push({
        file,
        path: `${key}[${i}].edition`,
        message: `this file belongs to the ${year} edition`,
      });
    }
    record['edition'] = year;
  });
}

/**
 * Validates the knowledge files' text (YAML) and cross-checks their references.
 * Pure: the caller reads the files, keyed by their path inside the knowledge folder
 * (`sources.yaml`, `editions/2021/projects.yaml`). Throws KnowledgeError listing every problem found.
 */
// The knowledge base is validated once, at start: compiling zod's schemas to code first costs more
// than it saves (about 35 ms of a ~170 ms cold load). The few per-request schemas (model replies,
// board actions) are small, so interpreting them costs nothing that shows.
z.config({ jitless: true });

export function parseKnowledge(files: Readonly<Record<string, string>>): KnowledgeBase {
  return checkKnowledge(files).kb;
}

/** A valid knowledge base, and the warnings that do not stop it (facts resting on weak sources only). */
export interface KnowledgeCheck {
  readonly kb: KnowledgeBase;
  readonly warnings: readonly KnowledgeProblem[];
}

/** parseKnowledge, also returning the warnings kb:check prints. Throws KnowledgeError like it. */
export function checkKnowledge(files: Readonly<Record<string, string>>): KnowledgeCheck {
  const problems: KnowledgeProblem[] = [];
  const parsed: Partial<Record<KnowledgeFileName, unknown>> = {};

  for (const file of KNOWLEDGE_FILES) {
    const text = files[file];
    if (text === undefined) {
      problems.push({ file, path: '', message: 'file is missing' });
      continue;
    }
    const data = readYaml(file, text, problems);
    if (data === undefined) continue;
    parsed[file] = validate(file, knowledgeFileSchemas[file] as z.ZodType, data, problems);
  }

  const years = [
    ...new Set(
      Object.keys(files).flatMap((path) => {
        const m = EDITION_PATH.exec(path);
        return m ? [Number(m[1])] : [];
      }),
    ),
  ].sort((a, b) => a - b);
  if (years.length === 0)
    problems.push({ file: 'editions/', path: '', message: 'no edition folder (editions/<year>/)' });
  const editions: ParsedEdition[] = [];
  for (const year of years) {
    const edition: Partial<Record<EditionFileName, unknown>> = {};
    for (const name of EDITION_FILES) {
      const file = `editions/${year}/${name}`;
      const text = files[file];
      if (text === undefined) {
        problems.push({ file, path: '', message: 'file is missing' });
        continue;
      }
      const data = readYaml(file, text, problems);
      if (data === undefined) continue;
      stampEdition(file, data, name === 'projects.yaml' ? 'projects' : 'topics', year, problems);
      edition[name] = validate(file, editionFileSchemas[name] as z.ZodType, data, problems);
    }
    const program = edition['program.yaml'] as ParsedEdition['program.yaml'] | undefined;
    if (program !== undefined && program.edition.year !== year) {
      problems.push({
        file: `editions/${year}/program.yaml`,
        path: 'edition.year',
        message: `the folder is editions/${year}/ but the file says ${program.edition.year}`,
      });
    }
    if (edition['program.yaml'] !== undefined && edition['projects.yaml'] !== undefined) {
      editions.push(edition as ParsedEdition);
    }
  }
  if (problems.length > 0) throw new KnowledgeError(problems);

  const data = parsed as Parsed;
  const kb = assemble(data, editions);
  problems.push(...checkReferences(kb, data, editions));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return { kb, warnings: weakSourceWarnings(kb, sourceHolders(data, editions)) };
}

function assemble(data: Parsed, parsedEditions: readonly ParsedEdition[]): KnowledgeBase {
  const hash = createHash('sha256');
  for (const file of KNOWLEDGE_FILES) hash.update(file).update(JSON.stringify(data[file]));
  for (const edition of parsedEditions) hash.update(JSON.stringify(edition));
  return fromParts({
    version: hash.digest('hex').slice(0, 16),
    sources: data['sources.yaml'].sources,
    editions: parsedEditions.map((e) => ({
      year: e['program.yaml'].edition.year,
      announced: e['program.yaml'].edition.announced,
      program: e['program.yaml'].program,
      projects: e['projects.yaml'].projects,
      topics: e['program.yaml'].topics,
    })),
    sharedTopics: [...data['contract-exceptions.yaml'].topics, ...data['sw-act.yaml'].topics],
    instruments: data['contract-exceptions.yaml'].instruments,
    measures: data['contract-exceptions.yaml'].measures,
    decisions: data['rules.yaml'].decisions,
    rules: data['rules.yaml'].rules,
    lexicon: data['lexicon.yaml'],
    messages: data['messages.yaml'].messages,
    examples: data['examples.yaml'].examples,
  });
}

/**
 * A knowledge base as plain JSON data: what a validated load produces before the lookups are
 * built. `fromParts(toParts(kb))` rebuilds the same base, shared records included.
 */
export interface KnowledgeParts {
  readonly version: string;
  readonly sources: readonly Source[];
  readonly editions: readonly Edition[];
  /** The topics of no edition (contract exceptions, the SW Act), after the editions' topics. */
  readonly sharedTopics: readonly Topic[];
  readonly instruments: readonly Instrument[];
  readonly measures: readonly Measure[];
  readonly decisions: readonly Decision[];
  readonly rules: readonly Rule[];
  readonly lexicon: Lexicon;
  readonly messages: Readonly<Record<string, Localized>>;
  readonly examples: readonly Example[];
}

/** The knowledge base of validated parts: the lookups by id and the lists across editions. */
export function fromParts(parts: KnowledgeParts): KnowledgeBase {
  const { sharedTopics, ...rest } = parts;
  return {
    ...rest,
    sources: new Map(parts.sources.map((s) => [s.id, s])),
    projects: parts.editions.flatMap((e) => e.projects),
    topics: [...parts.editions.flatMap((e) => e.topics), ...sharedTopics],
    instruments: new Map(parts.instruments.map((i) => [i.id, i])),
    measures: new Map(parts.measures.map((m) => [m.id, m])),
  };
}

/** The parts `fromParts` rebuilds `kb` from (JSON-safe). */
export function toParts(kb: KnowledgeBase): KnowledgeParts {
  const editionTopics = new Set(kb.editions.flatMap((e) => e.topics));
  return {
    version: kb.version,
    sources: [...kb.sources.values()],
    editions: kb.editions,
    sharedTopics: kb.topics.filter((t) => !editionTopics.has(t)),
    instruments: [...kb.instruments.values()],
    measures: [...kb.measures.values()],
    decisions: kb.decisions,
    rules: kb.rules,
    lexicon: kb.lexicon,
    messages: kb.messages,
    examples: kb.examples,
  };
}

export { EDITION_FILES, KNOWLEDGE_FILES, KnowledgeError, type KnowledgeProblem } from './problems.js';
