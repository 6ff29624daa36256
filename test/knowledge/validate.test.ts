import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import { KNOWLEDGE_FILES, KnowledgeError, parseKnowledge } from '../../src/knowledge/parse.js';

const realFiles = Object.fromEntries(
  KNOWLEDGE_FILES.map((f) => [f, readFileSync(join(DEFAULT_KNOWLEDGE_DIR, f), 'utf8')]),
) as Record<string, string>;

function problemsWith(file: string, edit: (text: string) => string): string {
  const files = { ...realFiles, [file]: edit(realFiles[file]!) };
  try {
    parseKnowledge(files);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('the broken knowledge base was accepted');
}

describe('knowledge base validation', () => {
  it('accepts the repository knowledge base', () => {
    const kb = loadKnowledge();
    expect(kb.projects.map((p) => p.id)).toEqual([
      'national-secretary',
      'waste-safety',
      'egov-cloud-platform',
      'architecture-admin-cloud',
      'digital-evidence',
      'gov24-life-services',
      'resident-registration',
      'e-certificate',
      'spatial-data-platform',
    ]);
    expect(kb.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('marks the inferred project inferred and leaves the unnamed two unknown', () => {
    const kb = loadKnowledge();
    expect(kb.projects.find((p) => p.id === 'spatial-data-platform')!.membership.confidence).toBe('inferred');
    expect(kb.unnamedProjects).toMatchObject({ slots: 2, confidence: 'not_found' });
    const known = kb.projects.filter((p) => p.budget2021.value !== null).map((p) => p.budget2021.value!.krw);
    expect(known.reduce((a, b) => a + b, 0)).toBe(31_800_000_000);
  });

  it('names the file and line of a YAML syntax error', () => {
    const message = problemsWith('projects.yaml', (t) => t.replace('projects:', 'projects: [unclosed'));
    expect(message).toMatch(/projects\.yaml at line \d+: YAML syntax/);
  });

  it('names the file and path of a missing field', () => {
    const message = problemsWith('projects.yaml', (t) =>
      t.replace(/\n {4}budget2021: \{ value: null[^\n]*\n/, '\n'),
    );
    expect(message).toContain('projects.yaml at projects[0].budget2021');
  });

  it('rejects a known fact with confidence not_found', () => {
    const message = problemsWith('projects.yaml', (t) =>
      t.replace(
        'budget2021: { value: null, sources: [], confidence: not_found }',
        'budget2021: { value: { krw: 1, ko: 1원, en: KRW 1 }, sources: [mbn-2021-budgets], confidence: not_found }',
      ),
    );
    expect(message).toContain(
      'projects.yaml at projects[0].budget2021: confidence not_found needs a null value',
    );
  });

  it('rejects a source id that does not exist, with its path', () => {
    const message = problemsWith('rules.yaml', (t) =>
      t.replace(
        'sources: [kicc-single-source-rule, esocialtimes-single-source]',
        'sources: [no-such-source]',
      ),
    );
    expect(message).toMatch(/rules\.yaml at rules\[0\]\.sources: unknown source id "no-such-source"/);
  });

  it('rejects an alias that names two projects', () => {
    const message = problemsWith('projects.yaml', (t) => t.replace('ko: [폐기물,', 'ko: [국민비서, 폐기물,'));
    expect(message).toContain('alias "국민비서" also names project "national-secretary"');
  });

  it('rejects a rule that points at an unknown measure or input', () => {
    const message = problemsWith('rules.yaml', (t) =>
      t
        .replace('{ kind: during, measure: single-source-one-failed-bid }', '{ kind: during, measure: nope }')
        .replace('input: sharePercent, op: gt, value: 50', 'input: share, op: gt, value: 50'),
    );
    expect(message).toContain('unknown measure "nope"');
    expect(message).toContain('decision "subcontracting" has no input "share"');
  });

  it('rejects a period that ends before it starts, and an empty required list', () => {
    const message = problemsWith('contract-exceptions.yaml', (t) =>
      t.replace('to: 2020-12-31', 'to: 2019-12-31'),
    );
    expect(message).toContain('from must not be after to');
  });

  it('reports a missing file', () => {
    const files = { ...realFiles };
    delete files['lexicon.yaml'];
    expect(() => parseKnowledge(files)).toThrow(/lexicon\.yaml: file is missing/);
  });

  describe('npm run kb:check on a broken copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('exits 1 and prints the file and path', () => {
      cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
      writeFileSync(
        join(dir, 'sources.yaml'),
        realFiles['sources.yaml']!.replace(
          'url: https://zdnet.co.kr/view/?no=20210120134009',
          'url: not a url',
        ),
      );
      let stderr = '';
      let status = 0;
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'src/bin/kb-check.ts', dir], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        const e = error as { status: number; stderr: string };
        status = e.status;
        stderr = e.stderr;
      }
      expect(status).toBe(1);
      expect(stderr).toMatch(/sources\.yaml at sources\[\d+\]\.url/);
    });

    it('checks the folder in KNOWLEDGE_DIR when given no folder', () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/kb-check.ts'], {
        encoding: 'utf8',
        env: { ...process.env, KNOWLEDGE_DIR: dir },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/sources\.yaml at sources\[\d+\]\.url/);
    });

    it('prints a summary for the real knowledge base', () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/bin/kb-check.ts'], {
        encoding: 'utf8',
      });
      expect(out).toMatch(/knowledge base OK .* 9 projects/);
    });
  });
});
