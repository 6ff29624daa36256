import { createHash } from 'node:crypto';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import {
  editionFileSchemas,
  knowledgeFileSchemas,
  LIST_CARDS,
  type EditionFileName,
  type Decision,
  type Example,
  type Instrument,
  type KnowledgeFileName,
  type Lexicon,
  type Localized,
  type Measure,
  type Period,
  type Project,
  type Rule,
  type Source,
  type Topic,
  type programSchema,
  WEAK_SOURCE_KINDS,
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

/** The shared files every knowledge base has, besides at least one `editions/<year>/` folder. */
export const KNOWLEDGE_FILES = Object.keys(knowledgeFileSchemas) as KnowledgeFileName[];
export const EDITION_FILES = Object.keys(editionFileSchemas) as EditionFileName[];
const EDITION_PATH = /^editions\/(\d{4})\/([a-z-]+\.yaml)$/;

/** A problem in one knowledge file, located by file and path inside it. */
export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

export class KnowledgeError extends Error {
  readonly problems: readonly KnowledgeProblem[];
  constructor(problems: readonly KnowledgeProblem[]) {
    super(
      `knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'KnowledgeError';
    this.problems = problems;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
}

type Parsed = { [K in KnowledgeFileName]: z.infer<(typeof knowledgeFileSchemas)[K]> };
type ParsedEdition = { [K in EditionFileName]: z.infer<(typeof editionFileSchemas)[K]> };

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
  const editions: Edition[] = parsedEditions.map((e) => ({
    year: e['program.yaml'].edition.year,
    announced: e['program.yaml'].edition.announced,
    program: e['program.yaml'].program,
    projects: e['projects.yaml'].projects,
    topics: e['program.yaml'].topics,
  }));
  return {
    version: hash.digest('hex').slice(0, 16),
    sources: new Map(data['sources.yaml'].sources.map((s) => [s.id, s])),
    editions,
    projects: editions.flatMap((e) => e.projects),
    topics: [
      ...editions.flatMap((e) => e.topics),
      ...data['contract-exceptions.yaml'].topics,
      ...data['sw-act.yaml'].topics,
    ],
    instruments: new Map(data['contract-exceptions.yaml'].instruments.map((i) => [i.id, i])),
    measures: new Map(data['contract-exceptions.yaml'].measures.map((m) => [m.id, m])),
    decisions: data['rules.yaml'].decisions,
    rules: data['rules.yaml'].rules,
    lexicon: data['lexicon.yaml'],
    messages: data['messages.yaml'].messages,
    examples: data['examples.yaml'].examples,
  };
}

/** Walks any value and yields every `sources: [...]` list with its path. */
function* sourceLists(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string[]]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* sourceLists(item, [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(item) && item.every((s) => typeof s === 'string')) {
        yield [[...path, key], item];
      } else {
        yield* sourceLists(item, [...path, key]);
      }
    }
  }
}

/** Every file's parsed content, keyed by its path, for walks over all `sources` lists. */
function sourceHolders(data: Parsed, editions: readonly ParsedEdition[]): [string, unknown][] {
  return [
    ...KNOWLEDGE_FILES.filter((f) => f !== 'sources.yaml').map((f): [string, unknown] => [f, data[f]]),
    ...editions.flatMap((e) =>
      EDITION_FILES.map((f): [string, unknown] => [`editions/${e['program.yaml'].edition.year}/${f}`, e[f]]),
    ),
  ];
}

/** The id of the innermost record on `path` inside `value` (a project, topic, rule ...), if any. */
function ownerId(value: unknown, path: readonly PropertyKey[]): string | undefined {
  let id: string | undefined;
  let node = value;
  for (const key of [...path, undefined]) {
    if (node === null || typeof node !== 'object') break;
    const record = node as Record<PropertyKey, unknown>;
    if (typeof record['id'] === 'string') id = record['id'];
    if (key !== undefined) node = record[key];
  }
  return id;
}

/** A warning for each fact (anything with a `sources` list) whose sources are all weak ones. */
function weakSourceWarnings(kb: KnowledgeBase, holders: readonly [string, unknown][]): KnowledgeProblem[] {
  const kindOf = (id: string) => kb.sources.get(id)?.kind;
  const warnings: KnowledgeProblem[] = [];
  for (const [file, content] of holders) {
    for (const [path, ids] of sourceLists(content)) {
      const kinds = ids.map(kindOf);
      if (ids.length === 0 || !kinds.every((k) => k !== undefined && WEAK_SOURCE_KINDS.includes(k))) continue;
      const factPath = path.slice(0, -1);
      const owner = ownerId(content, factPath);
      warnings.push({
        file,
        path: formatPath(factPath),
        message:
          `${owner === undefined ? '' : `"${owner}": `}rests only on weak sources ` +
          `(${ids.map((id, k) => `${id}: ${kinds[k]}`).join(', ')})`,
      });
    }
  }
  return warnings;
}

/** A problem for each period that starts on or before the end of the one before it. */
function overlaps(file: string, path: string, periods: readonly Period[]): KnowledgeProblem[] {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  return sorted.slice(1).flatMap((period, i) => {
    const previous = sorted[i]!;
    return period.from <= previous.to
      ? [
          {
            file,
            path,
            message: `period ${period.from}..${period.to} overlaps ${previous.from}..${previous.to}`,
          },
        ]
      : [];
  });
}

function checkReferences(
  kb: KnowledgeBase,
  data: Parsed,
  editions: readonly ParsedEdition[],
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const duplicates = (file: string, what: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push({ file, path: `[${i}].id`, message: `duplicate ${what} id "${id}"` });
      seen.add(id);
    });
  };

  duplicates(
    'sources.yaml',
    'source',
    data['sources.yaml'].sources.map((s) => s.id),
  );
  // One id is one project (or topic) across the years: unique within an edition, shared between them.
  const sharedTopics = kb.topics.filter((t) => t.edition === undefined);
  for (const edition of kb.editions) {
    duplicates(
      `editions/${edition.year}/projects.yaml`,
      'project',
      edition.projects.map((p) => p.id),
    );
    duplicates(
      `editions/${edition.year}/program.yaml, contract-exceptions.yaml, sw-act.yaml`,
      'topic',
      [...edition.topics, ...sharedTopics].map((t) => t.id),
    );
  }
  duplicates(
    'contract-exceptions.yaml',
    'measure',
    data['contract-exceptions.yaml'].measures.map((m) => m.id),
  );
  duplicates(
    'contract-exceptions.yaml',
    'instrument',
    data['contract-exceptions.yaml'].instruments.map((m) => m.id),
  );
  data['contract-exceptions.yaml'].measures.forEach((measure, i) => {
    const path = `measures[${i}]`;
    const instrument = measure.instrument.value;
    if (instrument !== null && !kb.instruments.has(instrument))
      problems.push({
        file: 'contract-exceptions.yaml',
        path: `${path}.instrument.value`,
        message: `unknown instrument "${instrument}"`,
      });
    problems.push(...overlaps('contract-exceptions.yaml', `${path}.periods`, measure.periods));
  });
  data['contract-exceptions.yaml'].instruments.forEach((instrument, i) => {
    problems.push(
      ...overlaps('contract-exceptions.yaml', `instruments[${i}].localPeriods`, instrument.localPeriods),
    );
  });
  duplicates(
    'rules.yaml',
    'decision',
    kb.decisions.map((d) => d.id),
  );
  duplicates(
    'rules.yaml',
    'rule',
    kb.rules.map((r) => r.id),
  );

  for (const [file, content] of sourceHolders(data, editions)) {
    for (const [path, ids] of sourceLists(content)) {
      for (const id of ids) {
        if (!kb.sources.has(id))
          problems.push({ file, path: formatPath(path), message: `unknown source id "${id}"` });
      }
    }
  }

  // An alias that names two projects would make the engine guess; shared ones go in sharedAliases.
  const aliasOwner = new Map<string, string>();
  for (const edition of kb.editions)
    edition.projects.forEach((project, i) => {
      for (const lang of ['ko', 'en'] as const) {
        project.aliases[lang].forEach((alias, j) => {
          const key = alias.toLowerCase().replace(/\s+/g, '');
          const owner = aliasOwner.get(key);
          if (owner !== undefined && owner !== project.id) {
            problems.push({
              file: `editions/${edition.year}/projects.yaml`,
              path: `projects[${i}].aliases.${lang}[${j}]`,
              message: `alias "${alias}" also names project "${owner}"; move it to sharedAliases`,
            });
          }
          aliasOwner.set(key, project.id);
        });
      }
    });

  const projectIds = new Set(kb.projects.map((p) => p.id));
  kb.topics.forEach((topic) => {
    for (const id of topic.projects) {
      if (!projectIds.has(id))
        problems.push({ file: 'topics', path: `${topic.id}.projects`, message: `unknown project "${id}"` });
    }
  });
  kb.decisions.forEach((decision, i) => {
    decision.inputs.forEach((input, j) => {
      for (const value of Object.keys(input.valueLabels ?? {}))
        if (!(input.values ?? []).includes(value))
          problems.push({
            file: 'rules.yaml',
            path: `decisions[${i}].inputs[${j}].valueLabels.${value}`,
            message: `"${value}" is not one of the input's values`,
          });
    });
  });
  const decisionIds = new Set(kb.decisions.map((d) => d.id));
  kb.decisions.forEach((decision, i) => {
    if (decision.topic !== undefined && !kb.topics.some((t) => t.id === decision.topic)) {
      problems.push({
        file: 'rules.yaml',
        path: `decisions[${i}].topic`,
        message: `unknown topic "${decision.topic}"`,
      });
    }
    if (decision.measure !== undefined && !kb.measures.has(decision.measure)) {
      problems.push({
        file: 'rules.yaml',
        path: `decisions[${i}].measure`,
        message: `unknown measure "${decision.measure}"`,
      });
    }
    if (!kb.rules.some((r) => r.decision === decision.id)) {
      problems.push({
        file: 'rules.yaml',
        path: `decisions[${i}]`,
        message: `decision "${decision.id}" has no rules`,
      });
    }
  });
  kb.rules.forEach((rule, i) => {
    if (!decisionIds.has(rule.decision)) {
      problems.push({
        file: 'rules.yaml',
        path: `rules[${i}].decision`,
        message: `unknown decision "${rule.decision}"`,
      });
    }
    const decision = kb.decisions.find((d) => d.id === rule.decision);
    rule.when.forEach((condition, j) => {
      const path = `rules[${i}].when[${j}]`;
      if (condition.kind === 'during' && !kb.measures.has(condition.measure)) {
        problems.push({
          file: 'rules.yaml',
          path: `${path}.measure`,
          message: `unknown measure "${condition.measure}"`,
        });
      }
      if (
        condition.kind === 'input' &&
        decision &&
        !decision.inputs.some((input) => input.name === condition.input)
      ) {
        problems.push({
          file: 'rules.yaml',
          path: `${path}.input`,
          message: `decision "${decision.id}" has no input "${condition.input}"`,
        });
      }
    });
  });

  const cardExists = (card: string): boolean => {
    const [kind, id = ''] = card.split(':');
    if (kind === 'topic') return kb.topics.some((t) => t.id === id);
    if (kind === 'decision') return kb.decisions.some((d) => d.id === id);
    if (kind === 'aspect') return kb.lexicon.aspects.some((a) => a.id === id);
    if (kind === 'list') return (LIST_CARDS as readonly string[]).includes(id);
    return card === 'help';
  };
  const cardsSeen = new Set<string>();
  kb.examples.forEach((example, i) => {
    if (!cardExists(example.card))
      problems.push({
        file: 'examples.yaml',
        path: `examples[${i}].card`,
        message: `no card "${example.card}"`,
      });
    if (cardsSeen.has(example.card))
      problems.push({
        file: 'examples.yaml',
        path: `examples[${i}].card`,
        message: `"${example.card}" is listed twice`,
      });
    cardsSeen.add(example.card);
  });

  const required = ['rejected.empty', 'rejected.tooLong', 'noMatch', 'help', 'inferred', 'notFound'];
  for (const key of required) {
    if (!(key in kb.messages))
      problems.push({ file: 'messages.yaml', path: `messages.${key}`, message: 'message is missing' });
  }
  for (const [key, message] of Object.entries(kb.messages)) {
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort().join(',');
    if (placeholders(message.ko) !== placeholders(message.en)) {
      problems.push({
        file: 'messages.yaml',
        path: `messages.${key}`,
        message: 'Korean and English texts use different placeholders',
      });
    }
  }
  return problems;
}
