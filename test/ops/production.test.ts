import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { message } from '../briefing/helpers.js';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';

// A production install made as the README says (fresh clone, `npm ci && npm run build &&
// npm prune --omit=dev`); .ci/run makes one and sets PRODUCTION_DIR. Without it there is nothing
// to check here.
const app = process.env['PRODUCTION_DIR'] ?? '';

describe.runIf(app !== '')('production install (runtime dependencies only)', () => {
  let standin: DiscordStandin;
  const env = () => ({
    ...process.env,
    DISCORD_TOKEN: standin.token,
    DISCORD_APPLICATION_ID: standin.applicationId,
    DISCORD_API_URL: standin.apiUrl,
    STORE_PATH: join(app, 'data', 'prod.sqlite'),
    REDIS_URL: '',
    HTTP_PORT: '0',
    OPENAI_API_KEY: '',
  });

  beforeAll(async () => {
    standin = await startDiscordStandin();
  });
  afterAll(async () => {
    await standin.close();
  });

  it('has no dev dependency installed, and only what runs in dependencies', () => {
    // (@types/node and @types/ws stay: discord.js depends on them at run time.)
    for (const dev of ['typescript', 'tsx', 'vitest', 'eslint', 'prettier', '@types/js-yaml'])
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@types/'))).toEqual([]);
  });

  // Asynchronous: the stand-in answers from this process.
  const run = (args: string[], input = '') =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npm', ['run', ...args], { cwd: app, env: env() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => {
        resolve({ status, stdout, stderr });
      });
      child.stdin.end(input);
    });

  it('runs the npm scripts from the build: kb:check, ask --json (only JSON lines), deploy-commands', async () => {
    expect((await run(['kb:check'])).stdout).toContain('knowledge base OK');
    const asked = await run(['ask', '--', '--json'], '국민비서 예산\n세움터 예산\n');
    expect(asked.status).toBe(0);
    const lines = asked.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const deployed = await run(['deploy-commands']);
    expect(deployed.stdout, deployed.stderr).toContain('Registered 8 commands globally');
  });

  it('serves with npm start: /healthz, an answer, and a clean SIGTERM', async () => {
    const child = spawn('npm', ['start'], { cwd: app, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await vi.waitFor(
        () => {
          expect(stderr).toContain('discord bot ready');
        },
        {
          timeout: 30_000,
          interval: 100,
        },
      );
      const url = /"url":"(http:[^"]+)","msg":"http server listening/.exec(stderr)?.[1];
      const health = await fetch(`${url!}/healthz`);
      expect(health.status).toBe(200);
      const reply = message(await standin.sendCommand('ask', { question: '세움터 예산' }).waitForFinal());
      expect(reply.embeds[0]?.description).toContain('112억원');
    } finally {
      // npm forwards SIGTERM to the bot.
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('"msg":"stopped"');
  }, 60_000);
});
