import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromParts, parseKnowledge, toParts, type KnowledgeBase, type KnowledgeParts } from './parse.js';

// A start-up cache of the validated knowledge base. Reading the YAML and checking it with zod and
// the cross-checks takes most of a cold start; the result depends only on the knowledge files and
// on this folder's code (the schemas, the checks). So the validated base is kept as JSON under a key
// hashed from both: a changed file, a changed schema or a changed check gives a new key, and the
// files are read and checked again. kb:check never uses the cache.

const LOADER_DIR = dirname(fileURLToPath(import.meta.url));
const KEEP = 8;

/** The package's cache folder: node_modules/.cache/egov-briefing-bot under the package root. */
export const DEFAULT_CACHE_DIR = join(
  [join(LOADER_DIR, '..', '..'), join(LOADER_DIR, '..', '..', '..')].find((dir) =>
    existsSync(join(dir, 'package.json')),
  ) ?? process.cwd(),
  'node_modules',
  '.cache',
  'egov-briefing-bot',
);

let loaderFingerprint: string | undefined;

/** A hash of the loader's own code (this folder, schemas included), so a code change is a new key. */
function fingerprintLoader(): string {
  if (loaderFingerprint !== undefined) return loaderFingerprint;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[cm]?[jt]s$/.test(entry.name))
        hash.update(relative(LOADER_DIR, path)).update(readFileSync(path));
    }
  };
  walk(LOADER_DIR);
  return (loaderFingerprint = hash.digest('hex'));
}

/** The cache key of these knowledge files read by this code. */
export function knowledgeCacheKey(files: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256').update(fingerprintLoader());
  for (const path of Object.keys(files).sort())
    hash.update('\0').update(path).update('\0').update(files[path]!);
  return hash.digest('hex').slice(0, 32);
}

function readCached(file: string): KnowledgeBase | undefined {
  try {
    return fromParts(JSON.parse(readFileSync(file, 'utf8')) as KnowledgeParts);
  } catch {
    return undefined; // missing, unreadable or cut short: read and check the files instead
  }
}

/** Writes atomically (a reader never sees half a file) and keeps the newest few; failures only cost the cache. */
function writeCached(dir: string, file: string, kb: KnowledgeBase): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(toParts(kb)));
    renameSync(temporary, file);
    const old = readdirSync(dir)
      .filter((name) => /^knowledge-[0-9a-f]+\.json$/.test(name))
      .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(KEEP);
    for (const { path } of old) unlinkSync(path);
  } catch {
    // A read-only or full disk: the next start reads and checks the files again.
  }
}

/**
 * The validated knowledge base of `files`: from the cache when these files were checked by this
 * code before, otherwise parsed and checked (throwing KnowledgeError like parseKnowledge) and cached.
 */
export function parseKnowledgeCached(
  files: Readonly<Record<string, string>>,
  cacheDir: string,
): KnowledgeBase {
  const file = join(cacheDir, `knowledge-${knowledgeCacheKey(files)}.json`);
  const cached = readCached(file);
  if (cached !== undefined) return cached;
  const kb = parseKnowledge(files);
  writeCached(cacheDir, file, kb);
  return kb;
}
