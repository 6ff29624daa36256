import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/load.js';
import { checkKnowledge, KnowledgeError, parseKnowledge } from '../../src/knowledge/parse.js';

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
    expect(kb.projects.map((p) => `${p.edition}:${p.id}`)).toEqual([
      '2021:national-secretary',
      '2021:waste-safety',
      '2021:egov-cloud-platform',
      '2021:architecture-admin-cloud',
      '2021:digital-evidence',
      '2021:gov24-life-services',
      '2021:resident-registration',
      '2021:e-certificate',
      '2021:spatial-data-platform',
      '2022:unified-address-system',
      '2022:small-merchant-platform',
      '2022:overseas-mission-info',
      '2022:integrated-call-center',
      '2022:national-secretary',
      '2022:digital-evidence',
      '2022:spatial-data-platform',
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

  it('rejects overlapping periods of one measure', () => {
    const message = problemsWith('contract-exceptions.yaml', (t) =>
      t.replace(
        '      - from: 2021-07-01\n        to: 2021-12-31',
        '      - from: 2021-06-01\n        to: 2021-12-31',
      ),
    );
    expect(message).toMatch(
      /contract-exceptions\.yaml at measures\[0\]\.periods: period 2021-06-01\.\.2021-12-31 overlaps 2021-01-01\.\.2021-06-30/,
    );
  });

  it('rejects a measure pointing at an unknown instrument', () => {
    const message = problemsWith('contract-exceptions.yaml', (t) =>
      t.replace('instrument: { value: contract-guideline,', 'instrument: { value: no-such-guideline,'),
    );
    expect(message).toMatch(
      /contract-exceptions\.yaml at measures\[\d\]\.instrument\.value: unknown instrument/,
    );
  });

  it('rejects an aspect that asks back with a card that does not exist', () => {
    const message = problemsWith('lexicon.yaml', (t) =>
      t.replace('"topic:known-budgets"', '"topic:no-such-topic"'),
    );
    expect(message).toMatch(/lexicon\.yaml at aspects\[0\]\.askBack\[1\]: no card "topic:no-such-topic"/);
  });

  it('rejects a form that asks back with a card that does not exist', () => {
    const message = problemsWith('lexicon.yaml', (t) =>
      t.replace('when: ["topic:covid-exceptions-overview"', 'when: ["topic:no-such-topic"'),
    );
    expect(message).toMatch(/lexicon\.yaml at askBackForms\.when\[0\]: no card "topic:no-such-topic"/);
  });

  it('rejects a source without its kind', () => {
    const message = problemsWith('sources.yaml', (t) => t.replace('    kind: news\n', ''));
    expect(message).toMatch(/sources\.yaml at sources\[\d+\]\.kind/);
  });

  it('warns only where the fact sheet gives nothing better than a weak source', () => {
    // The Software Promotion Act Article 48 text and the local negotiated-contract notice periods
    // come from one code file only (fact sheet, Tables 2 and 3); every other fact cites a better source.
    const { warnings } = checkKnowledge(realFiles);
    expect(warnings.map((w) => /^"([^"]+)"/.exec(w.message)?.[1]).sort()).toEqual([
      'large-company-exception',
      'large-company-group-barred',
      'large-company-rules',
      'large-company-rules',
      'large-company-sme',
      'negotiated-contract-notice',
      'negotiated-contract-notice',
      'negotiated-contract-notice-national',
    ]);
    expect(warnings.every((w) => w.message.includes('law-excerpt-sw-act: code'))).toBe(true);
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
      expect(out).toMatch(/knowledge base OK .* 2021 \(9 projects\), 2022 \(7 projects\);.* 8 warnings/);
    });

    it('warns, without failing, about a fact that rests on a forum repost only', () => {
      const copy = mkdtempSync(join(tmpdir(), 'kb-weak-'));
      try {
        cpSync(DEFAULT_KNOWLEDGE_DIR, copy, { recursive: true });
        writeFileSync(
          join(copy, 'contract-exceptions.yaml'),
          realFiles['contract-exceptions.yaml']!.replace(
            'sources: [constimes-extension-2022h2]\n        confidence: confirmed',
            'sources: [daumcafe-five-extensions]\n        confidence: confirmed',
          ),
        );
        const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/kb-check.ts', copy], {
          encoding: 'utf8',
        });
        expect(result.status).toBe(0);
        expect(result.stderr).toMatch(
          /WARNING contract-exceptions\.yaml at instruments\[0\]\.localPeriods\[2\]: "decree-exceptions": rests only on weak sources \(daumcafe-five-extensions: forum\)/,
        );
        expect(result.stdout).toMatch(/knowledge base OK .* 9 warnings/);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  });
});
