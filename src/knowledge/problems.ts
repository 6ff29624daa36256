import type { z } from 'zod';
import {
  editionFileSchemas,
  knowledgeFileSchemas,
  type EditionFileName,
  type KnowledgeFileName,
} from './schema.js';

/** The shared files every knowledge base has, besides at least one `editions/<year>/` folder. */
export const KNOWLEDGE_FILES = Object.keys(knowledgeFileSchemas) as KnowledgeFileName[];
export const EDITION_FILES = Object.keys(editionFileSchemas) as EditionFileName[];

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

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
}

export type Parsed = { [K in KnowledgeFileName]: z.infer<(typeof knowledgeFileSchemas)[K]> };
export type ParsedEdition = { [K in EditionFileName]: z.infer<(typeof editionFileSchemas)[K]> };
