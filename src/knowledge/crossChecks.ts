import type { KnowledgeBase } from './parse.js';
import {
  EDITION_FILES,
  formatPath,
  KNOWLEDGE_FILES,
  type KnowledgeProblem,
  type Parsed,
  type ParsedEdition,
} from './problems.js';
import { checkMessages } from './messageChecks.js';
import { LIST_CARDS, WEAK_SOURCE_KINDS, type Period } from './schema.js';

/**
 * Every `sources: [...]` list in any value, with its path. One shared path stack, copied only for a
 * list found: the walk covers every parsed file twice at start-up.
 */
function sourceLists(value: unknown): [PropertyKey[], string[]][] {
  const found: [PropertyKey[], string[]][] = [];
  const path: PropertyKey[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      path.push(key);
      if (key === 'sources' && Array.isArray(item) && item.every((s) => typeof s === 'string'))
        found.push([[...path], item]);
      else walk(item);
      path.pop();
    }
  };
  walk(value);
  return found;
}

/** Every file's parsed content, keyed by its path, for walks over all `sources` lists. */
export function sourceHolders(data: Parsed, editions: readonly ParsedEdition[]): [string, unknown][] {
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
export function weakSourceWarnings(
  kb: KnowledgeBase,
  holders: readonly [string, unknown][],
): KnowledgeProblem[] {
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

/** Ids are unique where they must be: sources, projects and topics per edition, measures, instruments, decisions, rules; periods do not overlap. */
function checkIds(
  kb: KnowledgeBase,
  data: Parsed,
  _editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
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
}

/** Every `sources` list names sources that exist. */
function checkSourceIds(
  kb: KnowledgeBase,
  data: Parsed,
  editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
  for (const [file, content] of sourceHolders(data, editions)) {
    for (const [path, ids] of sourceLists(content)) {
      for (const id of ids) {
        if (!kb.sources.has(id))
          problems.push({ file, path: formatPath(path), message: `unknown source id "${id}"` });
      }
    }
  }
}

/** An alias names one project only. */
function checkAliases(
  kb: KnowledgeBase,
  _data: Parsed,
  _editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
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
}

/** Topics, decisions and rules point at projects, topics, measures and inputs that exist. */
function checkLinks(
  kb: KnowledgeBase,
  _data: Parsed,
  _editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
  const projectIds = new Set(kb.projects.map((p) => p.id));
  kb.topics.forEach((topic) => {
    for (const id of topic.projects) {
      if (!projectIds.has(id))
        problems.push({ file: 'topics', path: `${topic.id}.projects`, message: `unknown project "${id}"` });
    }
    if (topic.decision !== undefined && !kb.decisions.some((d) => d.id === topic.decision))
      problems.push({
        file: 'topics',
        path: `${topic.id}.decision`,
        message: `unknown decision "${topic.decision}"`,
      });
    if (topic.statusOf !== undefined && !kb.measures.has(topic.statusOf))
      problems.push({
        file: 'topics',
        path: `${topic.id}.statusOf`,
        message: `unknown measure "${topic.statusOf}"`,
      });
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
}

/** Example questions name cards that exist, each once; so do the cards an aspect asks back with. */
function checkExamples(
  kb: KnowledgeBase,
  _data: Parsed,
  _editions: readonly ParsedEdition[],
  problems: KnowledgeProblem[],
): void {
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
  const askBack = [
    ...Object.entries(kb.lexicon.askBackForms).flatMap(([form, cards]) =>
      cards.map((card, j) => [`askBackForms.${form}[${j}]`, card] as const),
    ),
    ...kb.lexicon.aspects.flatMap((aspect, i) =>
      aspect.askBack.map((card, j) => [`aspects[${i}].askBack[${j}]`, card] as const),
    ),
    ...kb.lexicon.askBackRule.map((card, j) => [`askBackRule[${j}]`, card] as const),
    ...kb.lexicon.askBackFollowUp.map((card, j) => [`askBackFollowUp[${j}]`, card] as const),
  ];
  for (const [path, card] of askBack)
    if (!cardExists(card)) problems.push({ file: 'lexicon.yaml', path, message: `no card "${card}"` });
  const countTopic = kb.lexicon.statedCountTopic;
  if (countTopic !== undefined && !cardExists(`topic:${countTopic}`))
    problems.push({ file: 'lexicon.yaml', path: 'statedCountTopic', message: `no topic "${countTopic}"` });
  kb.lexicon.aspects.forEach((aspect, i) => {
    aspect.unknownContext.forEach((topic, j) => {
      if (!kb.topics.some((t) => t.id === topic))
        problems.push({
          file: 'lexicon.yaml',
          path: `aspects[${i}].unknownContext[${j}]`,
          message: `no topic "${topic}"`,
        });
    });
  });
}

export function checkReferences(
  kb: KnowledgeBase,
  data: Parsed,
  editions: readonly ParsedEdition[],
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const check of [checkIds, checkSourceIds, checkAliases, checkLinks, checkExamples, checkMessages])
    check(kb, data, editions, problems);
  return problems;
}
