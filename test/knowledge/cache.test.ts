import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import { fromParts, KnowledgeError, toParts, type KnowledgeParts } from '../../src/knowledge/parse.js';

const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));
const QUESTIONS = [
  '2021년 사업 총예산 얼마야?',
  '79억원 사업에 매출 1조원 대기업 참여 가능?',
  'Can we sign a single-source contract after one failed bid on 2022-03-10?',
  '전자증명서 사업 담당 기관은?',
];

describe('start-up cache of the checked knowledge base', () => {
  const fresh = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir: null });

  it('rebuilds the same base from its JSON parts, shared records included', () => {
    const rebuilt = fromParts(JSON.parse(JSON.stringify(toParts(fresh))) as KnowledgeParts);
    expect(rebuilt).toStrictEqual(fresh);
    // Projects and topics are the editions' own records, as after a full load.
    expect(rebuilt.projects[0]).toBe(rebuilt.editions[0]!.projects[0]);
    expect(rebuilt.topics[0]).toBe(rebuilt.editions[0]!.topics[0]);
  });

  it('writes the base once and answers the same from it', () => {
    const cacheDir = tempDir('kb-cache-');
    const first = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir });
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    const second = loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir });
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    expect(second).toStrictEqual(first);
    const a = createEngine(fresh);
    const b = createEngine(second);
    for (const text of QUESTIONS) {
      expect(b.answer({ text, today: '2026-12-01' })).toStrictEqual(a.answer({ text, today: '2026-12-01' }));
    }
  });

  it('reads and checks the files again when one changed, and refuses a broken one', () => {
    const cacheDir = tempDir('kb-cache-');
    const knowledge = tempDir('kb-copy-');
    cpSync(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
    loadKnowledge(knowledge, { cacheDir });
    const messages = join(knowledge, 'messages.yaml');
    const text = readFileSync(messages, 'utf8');
    writeFileSync(messages, `${text}\n# a comment changes the key\n`);
    loadKnowledge(knowledge, { cacheDir });
    expect(cacheFiles(cacheDir)).toHaveLength(2);
    // A file that no longer validates is refused, whatever the cache holds for its old text.
    writeFileSync(join(knowledge, 'rules.yaml'), 'decisions: [1]\n');
    expect(() => loadKnowledge(knowledge, { cacheDir })).toThrow(KnowledgeError);
  });

  it('ignores a damaged cache file and writes it again', () => {
    const cacheDir = tempDir('kb-cache-');
    loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir });
    const [name] = cacheFiles(cacheDir);
    writeFileSync(join(cacheDir, name!), '{"version": "cut sho');
    expect(loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir })).toStrictEqual(fresh);
    expect(() => JSON.parse(readFileSync(join(cacheDir, name!), 'utf8')) as unknown).not.toThrow();
  });

  it('still loads when the cache folder cannot be made', () => {
    // A file where the folder should be: no user (root included) can create the folder there.
    const blocked = join(tempDir('kb-cache-'), 'not-a-folder');
    writeFileSync(blocked, '');
    expect(loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir: join(blocked, 'cache') })).toStrictEqual(fresh);
  });
});
