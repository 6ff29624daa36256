import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
      env: { ...process.env, LOG_LEVEL: 'warn', REDIS_URL: '', HTTP_PORT: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

/**
 * Every start-up fault ends the process with exit code 1 and one line saying what is wrong, in
 * bounded time (STARTUP_TIMEOUT_MS for what may hang), never a stack trace or a hang.
 */
describe('start-up faults', () => {
  let standin: DiscordStandin;
  let closedGateway: DiscordStandin;
  let busy: Server;
  let busyPort = 0;
  const dir = mkdtempSync(join(tmpdir(), 'startup-'));

  beforeAll(async () => {
    [standin, closedGateway] = await Promise.all([startDiscordStandin(), startDiscordStandin()]);
    closedGateway.setGatewayAvailable(false);
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
    mkdirSync(join(dir, 'folder.sqlite'));
  });
  afterAll(async () => {
    busy.close();
    await Promise.all([standin.close(), closedGateway.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  // Each case has a store file of its own: the cases run at once, and two processes opening one
  // SQLite file at start-up can see SQLITE_BUSY instead of the fault under test.
  let stores = 0;
  const discord = (s: DiscordStandin) => ({
    DISCORD_TOKEN: s.token,
    DISCORD_APPLICATION_ID: s.applicationId,
    DISCORD_API_URL: s.apiUrl,
    STORE_PATH: join(dir, `${s.applicationId}-${++stores}.sqlite`),
    STARTUP_TIMEOUT_MS: '4000',
  });

  it.concurrent.each([
    [
      'a bad token',
      () => ({ ...discord(standin), DISCORD_TOKEN: 'not-the-token' }),
      /Discord rejected DISCORD_TOKEN/,
    ],
    [
      'unreachable Discord',
      () => ({ ...discord(standin), DISCORD_API_URL: 'http://127.0.0.1:1/api' }),
      /cannot reach Discord at http:\/\/127\.0\.0\.1:1\/api/,
    ],
    [
      'a gateway that never answers',
      () => discord(closedGateway),
      /connecting to Discord did not finish within 4 s/,
    ],
    [
      'unreachable Redis',
      () => ({ ...discord(standin), REDIS_URL: 'redis://127.0.0.1:1' }),
      /cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/,
    ],
    [
      'STORE_PATH a folder',
      () => ({ ...discord(standin), STORE_PATH: join(dir, 'folder.sqlite') }),
      /cannot open STORE_PATH .*folder\.sqlite as SQLite/,
    ],
    [
      'STORE_PATH under /proc',
      () => ({ ...discord(standin), STORE_PATH: '/proc/nope/bot.sqlite' }),
      /cannot create the folder of STORE_PATH \/proc\/nope\/bot\.sqlite/,
    ],
    [
      'the HTTP port taken',
      () => ({ ...discord(standin), HTTP_PORT: String(busyPort) }),
      /cannot serve HTTP on 127\.0\.0\.1:\d+/,
    ],
  ])('%s: exit 1 with one clear line', { timeout: 30_000 }, async (_name, env, line) => {
    const { code, stderr } = await start(env());
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^egov-briefing-bot: /);
    expect(lines.at(-1)).toMatch(line);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
