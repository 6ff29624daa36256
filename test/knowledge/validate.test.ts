import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/load.js';
import { KnowledgeError, parseKnowledge } from '../../src/knowledge/parse.js';

const realFiles = readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR);
const PROJECTS_2021 = 'editions/2021/projects.yaml';

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
    const edition2021 = kb.editions.find((e) => e.year === 2021)!;
    expect(edition2021.program.unnamedProjects).toMatchObject({ slots: 2, confidence: 'not_found' });
    const known = edition2021.projects.filter((p) => p.budget.value !== null).map((p) => p.budget.value!.krw);
    expect(known.reduce((a, b) => a + b, 0)).toBe(31_800_000_000);
  });

  it('names the file and line of a YAML syntax error', () => {
    const message = problemsWith(PROJECTS_2021, (t) => t.replace('projects:', 'projects: [unclosed'));
    expect(message).toMatch(/editions\/2021\/projects\.yaml at line \d+: YAML syntax/);
  });

  it('names the file and path of a missing field', () => {
    const message = problemsWith(PROJECTS_2021, (t) =>
      t.replace(/\n {4}budget: \{ value: null[^\n]*\n/, '\n'),
    );
    expect(message).toContain('editions/2021/projects.yaml at projects[0].budget');
  });

  it('rejects a known fact with confidence not_found', () => {
    const message = problemsWith(PROJECTS_2021, (t) =>
      t.replace(
        'budget: { value: null, sources: [], confidence: not_found }',
        'budget: { value: { krw: 1, ko: 1원, en: KRW 1 }, sources: [mbn-2021-budgets], confidence: not_found }',
      ),
    );
    expect(message).toContain(
      'editions/2021/projects.yaml at projects[0].budget: confidence not_found needs a null value',
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
    const message = problemsWith(PROJECTS_2021, (t) => t.replace('ko: [폐기물,', 'ko: [국민비서, 폐기물,'));
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
        execFileSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check.ts', dir], {
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

    it('prints a summary for the real knowledge base', () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check.ts'], {
        encoding: 'utf8',
      });
      expect(out).toMatch(/knowledge base OK .* 2021 \(9 projects\)/);
    });
  });
});
