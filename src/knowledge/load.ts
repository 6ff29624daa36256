import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWLEDGE_FILES, parseKnowledge, type KnowledgeBase } from './parse.js';

/** The repository's curated knowledge folder (found from src/ when run by tsx, or from dist/src/ when built). */
export const DEFAULT_KNOWLEDGE_DIR =
  ['../../knowledge', '../../../knowledge']
    .map((relative) => resolve(fileURLToPath(new URL(relative, import.meta.url))))
    .find((dir) => existsSync(join(dir, 'sources.yaml'))) ?? resolve('knowledge');

/** Reads and validates every knowledge file in `dir`; throws KnowledgeError naming file and path. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const files: Record<string, string> = {};
  for (const file of KNOWLEDGE_FILES) {
    try {
      files[file] = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return parseKnowledge(files);
}
