import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DiscordStandin } from '../test/support/discordStandin.js';

// Bot processes for the benches: started as `npm start` runs them, against the Discord stand-in,
// and measured from /proc.

export interface Running {
  child: ChildProcess;
  startToReadyMs: number;
  stop(): Promise<void>;
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return kb / 1024;
}

/** The Node.js flags `npm start` runs the bot with (from package.json), so the bench runs it the same way. */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return (pkg.scripts['start'] ?? '').split(/\s+/).filter((token) => token.startsWith('--'));
}

/** Spawns a bot process against the stand-in; resolves when it logs that it is ready. */
export async function startProcess(
  script: string,
  standin: DiscordStandin,
  env: Record<string, string>,
  readyText: string,
  nodeFlags: readonly string[] = [],
): Promise<Running> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(process.env['BENCH_PROFILE']
        ? ['--cpu-prof', '--cpu-prof-interval=250', '--cpu-prof-dir=/tmp/botprof']
        : []),
      ...nodeFlags,
      script,
    ],
    {
      env: {
        ...process.env,
        DISCORD_TOKEN: standin.token,
        DISCORD_APPLICATION_ID: standin.applicationId,
        DISCORD_API_URL: standin.apiUrl,
        OPENAI_API_KEY: '',
        REDIS_URL: '',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(readyText)) resolve();
    });
    child.once('exit', (code) => {
      reject(new Error(`${script} exited (${String(code)}): ${err}`));
    });
  });
  const startToReadyMs = performance.now() - started;
  return {
    child,
    startToReadyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
