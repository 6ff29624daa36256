import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

let available: boolean | undefined;

/**
 * Whether the Redis tests can run here: redis-server is installed. Without it they are skipped
 * (test/support/globalSetup.ts says so once), unless REQUIRE_REDIS=1, which makes it an error.
 */
export function hasRedis(): boolean {
  available ??= spawnSync('redis-server', ['--version']).error === undefined;
  return available;
}

/**
 * Starts a private, real redis-server on a free loopback port (append-only file on, so a test can
 * restart processes against it). Fails with a clear message when redis-server is not installed.
 */
export async function startRedis(): Promise<RedisServer> {
  if (!hasRedis()) {
    throw new Error(
      'redis-server is not installed: apt-get install redis-server (CI installs it in .ci/run)',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`redis-server did not start: ${output}`));
    }, 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${String(code)}: ${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
