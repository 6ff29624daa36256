import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { runScript, type RunResult } from '../support/run.js';

/** Runs a script as `npm run ask` / `npm start` would, with Discord and the LLM switched off. */
function run(
  script: string,
  args: string[],
  input = '',
  env: Record<string, string> = {},
): Promise<RunResult> {
  return runScript(script, args, { input, env: { DISCORD_TOKEN: '', OPENAI_API_KEY: '', ...env } });
}

const ASK = 'src/bin/ask.ts';

describe('npm run ask', () => {
  it('answers one question with its sources', async () => {
    const r = await run(ASK, ['전자증명서 예산은?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('82억원');
    expect(r.stdout).toContain('출처:');
    expect(r.stdout).toContain('https://mbnmoney.mbn.co.kr/');
  });

  it('prints exactly the JSON keys of the contract with --json', async () => {
    const r = await run(ASK, ['--json', 'How much is the e-certificate system budget?']);
    const answer = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual([
      'status',
      'language',
      'projects',
      'verdict',
      'rule',
      'text',
      'sources',
    ]);
    expect(answer).toMatchObject({
      status: 'answered',
      language: 'en',
      projects: ['e-certificate'],
      verdict: null,
    });
  });

  it('answers 100 questions from stdin, one JSON line each, in order', async () => {
    const questions = Array.from({ length: 100 }, (_, i) =>
      i % 4 === 0
        ? '국민비서 예산'
        : i % 4 === 1
          ? ''
          : i % 4 === 2
            ? 'Single-source after one failed bid in March 2020?'
            : '오늘 점심 메뉴',
    );
    const r = await run(ASK, ['--json'], `${questions.join('\n')}\n`);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; verdict: string | null });
    expect(lines).toHaveLength(100);
    expect(lines.map((l) => l.status).slice(0, 4)).toEqual([
      'unknown_fact',
      'rejected',
      'answered',
      'no_match',
    ]);
    expect(lines[98]!.verdict).toBe('not_allowed');
  });

  it('uses --as-of as the reference date', async () => {
    type Verdict = { verdict: string | null };
    const before = JSON.parse(
      (await run(ASK, ['--json', '--as-of', '2020-04-30', '한 번 유찰되면 수의계약 돼?'])).stdout,
    ) as Verdict;
    const after = JSON.parse(
      (await run(ASK, ['--json', '--as-of', '2020-05-01', '한 번 유찰되면 수의계약 돼?'])).stdout,
    ) as Verdict;
    expect(before.verdict).toBe('not_allowed');
    expect(after.verdict).toBe('allowed');
  });

  it('replies in the language --lang sets', async () => {
    const r = await run(ASK, ['--json', '--lang', 'en', '국민비서 예산']);
    expect(JSON.parse(r.stdout)).toMatchObject({ language: 'en' });
  });

  it.each([
    [['--as-of', '2021-02-30', 'x'], 'real date'],
    [['--lang', 'jp', 'x'], '--lang must be ko or en'],
    [['--bogus'], 'Unknown option'],
  ])('rejects bad options %j with a clear message and exit code 2', async (args, message) => {
    const r = await run(ASK, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage:');
  });
});

describe('npm start without a Discord token (console)', () => {
  it('shows a prompt, answers, helps and quits', async () => {
    const r = await run('src/bin/start.ts', [], '세움터 예산\nhelp\n\nquit\n국민비서\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('egov-briefing-bot');
    expect(r.stdout).toContain('112억원');
    expect(r.stdout).toContain('Try:');
    expect(r.stdout).toContain('Bye.');
    // Nothing after quit is answered.
    expect(r.stdout).not.toContain('국민비서 서비스의 2단계');
  });

  it('refuses to start on a broken knowledge base, naming the file and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'broken-kb-'));
    try {
      cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
      const file = join(dir, 'editions', '2021', 'projects.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'phase: { value: 2, sources: [zdnet-2021-briefing], confidence: confirmed }',
          'phase: { value: two }',
        ),
      );
      const r = await run('src/bin/start.ts', [], 'quit\n', { KNOWLEDGE_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/editions\/2021\/projects\.yaml at projects\[0\]\.phase/);
      expect(r.stdout).not.toContain('egov-briefing-bot');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports every configuration problem at once without echoing values', async () => {
    const r = await run('src/bin/start.ts', [], '', {
      DISCORD_TOKEN: 'short secret',
      PHRASING_BUDGET_MS: 'abc',
      DISCORD_API_URL: 'not a url',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DISCORD_TOKEN');
    expect(r.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(r.stderr).toContain('PHRASING_BUDGET_MS');
    expect(r.stderr).toContain('DISCORD_API_URL');
    expect(r.stderr).not.toContain('short secret');
  });
});
