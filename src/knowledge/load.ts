import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR, parseKnowledgeCached } from './cache.js';
import { fileURLToPath } from 'node:url';
import {
  checkKnowledge,
  EDITION_FILES,
  KNOWLEDGE_FILES,
  parseKnowledge,
  type KnowledgeBase,
  type KnowledgeCheck,
} from './parse.js';

/** The repository's curated knowledge folder (found from src/ when run by tsx, or from dist/src/ when built). */
export const DEFAULT_KNOWLEDGE_DIR =
  ['../../knowledge', '../../../knowledge']
    .map((relative) => resolve(fileURLToPath(new URL(relative, import.meta.url))))
    .find((dir) => existsSync(join(dir, 'sources.yaml'))) ?? resolve('knowledge');

/** Where loadKnowledge keeps the checked base between starts; `null` reads and checks every time. */
export interface LoadOptions {
  readonly cacheDir?: string | null;
}

/**
 * Reads and validates every knowledge file in `dir`; throws KnowledgeError naming file and path.
 * Files already checked by this code are taken from the start-up cache (see cache.ts).
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): KnowledgeBase {
  const files = readKnowledgeFiles(dir);
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  return cacheDir === null ? parseKnowledge(files) : parseKnowledgeCached(files, cacheDir);
}

/** loadKnowledge, also returning the warnings (facts resting on weak sources only). */
export function loadKnowledgeChecked(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeCheck {
  return checkKnowledge(readKnowledgeFiles(dir));
}

/** The knowledge files of `dir`, keyed by their path inside it: the shared files and every edition's. */
export function readKnowledgeFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  let years: string[] = [];
  try {
    years = readdirSync(join(dir, 'editions')).filter((name) => /^\d{4}$/.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const paths = [...KNOWLEDGE_FILES, ...years.flatMap((y) => EDITION_FILES.map((f) => `editions/${y}/${f}`))];
  for (const file of paths) {
    try {
      files[file] = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}
