import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/index.js';
import { BriefingRepository } from '../../src/briefing/repository.js';

describe('npm run gaps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaps-cli-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists stored gap questions grouped by similarity, most asked first', async () => {
    const storePath = join(dir, 'gaps.sqlite');
    const stores = await openStores({ storePath });
    const repository = new BriefingRepository(stores);
    for (const [text, source, at] of [
      ['점심시간은 언제인가요?', 'briefing', '2021-01-21T05:00:00Z'],
      ['녹화본은 언제 올라오나요?', 'command', '2021-01-21T05:01:00Z'],
      ['점심 시간은 언제인가요', 'mention', '2021-01-21T05:02:00Z'],
      ['점심시간은 언제 인가여?', 'briefing', '2021-01-21T05:03:00Z'],
    ] as const) {
      await repository.recordGap({ text, status: 'no_match', source, at });
    }
    await stores.close();
    const env = { ...process.env, STORE_PATH: storePath, REDIS_URL: '', DISCORD_TOKEN: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/gaps.ts'], {
      env,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 gap question(s) in 2 group(s)');
    expect(run.stdout).toMatch(/1\. ×3 {2}점심시간은 언제인가요\?/);
    expect(run.stdout).toMatch(/2\. ×1 {2}녹화본은 언제 올라오나요\?/);
    const json = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/gaps.ts', '--json'], {
      env,
      encoding: 'utf8',
    });
    expect((JSON.parse(json.stdout) as { count: number }[]).map((g) => g.count)).toEqual([3, 1]);
  });

  it.each([
    [['--help'], 0, 'usage: npm run gaps'],
    [['--bogus'], 2, "Unknown option '--bogus'"],
    [['--similarity', 'x'], 2, '--similarity must be a number'],
  ])('answers %j with a usage text and exit code %i, never a stack trace', (args, code, text) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/gaps.ts', ...args], {
      env: { ...process.env, DISCORD_TOKEN: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(code);
    expect(run.stdout + run.stderr).toContain(text);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
