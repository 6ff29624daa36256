import { spawn, type ChildProcess } from 'node:child_process';
import type { DiscordStandin } from './discordStandin.js';

export interface BotProcess {
  readonly child: ChildProcess;
  stderr(): string;
  /** Resolves once the bot logged that it is ready (and, with HTTP_PORT, that its server listens). */
  ready(): Promise<void>;
  /** The HTTP server's base URL from its log line (with HTTP_PORT set, e.g. to 0). */
  httpUrl(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `src/bin/start.ts` as `npm start` would, against a stand-in. */
export function startBotProcess(standin: DiscordStandin, env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
    env: {
      ...process.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_API_URL: standin.apiUrl,
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '600',
      BRIEFING_QUESTIONS_PER_MINUTE: '120',
      BRIEFING_EDIT_INTERVAL_MS: '1000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return {
    child,
    stderr: () => stderr,
    ready: async () => {
      // The stand-in's waitFor re-checks on its own state changes only; the log needs polling.
      // With HTTP_PORT the server's line too: the gateway can be ready before the server listens.
      const lines = [
        'discord bot ready',
        ...(env['HTTP_PORT'] !== undefined ? ['http server listening'] : []),
      ];
      const deadline = Date.now() + 15_000;
      while (!lines.every((line) => stderr.includes(line))) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`the bot process did not get ready:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    httpUrl: () => {
      const url = /"url":"(http:[^"]+)","msg":"http server listening/.exec(stderr)?.[1];
      if (url === undefined) throw new Error(`the bot logged no HTTP server:\n${stderr}`);
      return url;
    },
    exited,
  };
}
