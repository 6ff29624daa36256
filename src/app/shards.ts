import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { HealthPart } from '../http/health.js';
import { aggregateMetrics } from '../metrics/prometheus.js';
import { StartupError, flushLogs, within, type BootContext } from './boot.js';
import { describeLoginError } from './discordErrors.js';
import { serveOps } from './opsServer.js';
import { openManagerPages } from './managerPages.js';
import type { ShardReply, ShardRequest } from './shardChild.js';

const ASK_TIMEOUT_MS = 2000;
let nonce = 0;

/** Asks one shard process over IPC; undefined when it does not answer in time. */
function ask(shard: Shard, egov: ShardRequest['egov']): Promise<unknown> {
  const request: ShardRequest = { egov, nonce: nonce++ };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      shard.off('message', listener);
      resolve(undefined);
    }, ASK_TIMEOUT_MS);
    const listener = (message: unknown) => {
      const reply = message as Partial<ShardReply>;
      if (reply.egov !== 'reply' || reply.nonce !== request.nonce) return;
      clearTimeout(timer);
      shard.off('message', listener);
      resolve(reply.data);
    };
    shard.on('message', listener);
    shard.send(request).catch(() => {
      clearTimeout(timer);
      shard.off('message', listener);
      resolve(undefined);
    });
  });
}

/** Discord's recommended shard count for `SHARD_COUNT=auto` (through DISCORD_API_URL when set). */
async function recommendedShards(token: string, apiUrl: string | undefined): Promise<number> {
  const rest = new REST(apiUrl !== undefined ? { api: apiUrl } : {}).setToken(token);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, shards);
  } catch (error) {
    throw new StartupError(describeLoginError(error, apiUrl), { cause: error });
  }
}

/**
 * `npm run start:sharded` or SHARD_COUNT: a discord.js ShardingManager runs `script` once per
 * shard, each its own process with its own gateway connection; they share state through Redis.
 * The manager serves /healthz (every shard ready and its store answering) and /metrics (all
 * shards' metrics summed) when HTTP_PORT is set.
 */
export async function runShardManager({ env, logger }: BootContext, script: string): Promise<void> {
  const token = env.DISCORD_TOKEN;
  if (token === undefined) throw new StartupError('DISCORD_TOKEN is not set');
  if (env.REDIS_URL === undefined)
    throw new StartupError('shards share their state through Redis: set REDIS_URL (see README, Scale-out)');
  const wanted = env.SHARD_COUNT ?? 'auto';
  const count = wanted === 'auto' ? await recommendedShards(token, env.DISCORD_API_URL) : wanted;
  const manager = new ShardingManager(script, {
    token,
    totalShards: count,
    mode: 'process',
    respawn: true,
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: count }, 'shard starting');
    shard.on('death', () => {
      if (manager.respawn) logger.error({ shard: shard.id }, 'shard process exited; respawning');
    });
  });

  const health = async (): Promise<Record<string, HealthPart>> => {
    const parts: Record<string, HealthPart> = {};
    for (const shard of manager.shards.values()) {
      const reply = (await ask(shard, 'health')) as Record<string, HealthPart> | undefined;
      const failing = reply === undefined ? ['no answer'] : Object.values(reply).filter((p) => !p.ok);
      parts[`shard${shard.id}`] =
        reply !== undefined && failing.length === 0
          ? { ok: true, detail: 'ready' }
          : {
              ok: false,
              detail:
                reply === undefined ? 'no answer' : failing.map((p) => (p as HealthPart).detail).join(', '),
            };
    }
    if (manager.shards.size < count)
      parts['shards'] = { ok: false, detail: `${manager.shards.size}/${count} running` };
    return parts;
  };
  const metrics = async () => {
    const all = await Promise.all([...manager.shards.values()].map((shard) => ask(shard, 'metrics')));
    return aggregateMetrics(
      all.filter((m): m is MetricObjectWithValues<MetricValue<string>>[] => Array.isArray(m)),
    );
  };

  // The board reads and changes briefings in Redis like the shards; its decisions reach Discord
  // through the shard whose gateway holds the server (Redis pub/sub).
  const pages = await openManagerPages(env, logger);
  const http = await serveOps(env, logger, health, metrics, pages === undefined ? [] : [pages.routes]);
  // The shards give out the board links: without PUBLIC_URL they get this server's address (the
  // port may have been chosen at bind), inherited as PUBLIC_URL by the shard processes.
  if (http !== undefined && env.PUBLIC_URL === undefined) process.env['PUBLIC_URL'] = http.url;

  const stopShards = async (signal: NodeJS.Signals) => {
    manager.respawn = false;
    const deaths = [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          if (shard.process === null || shard.process.exitCode !== null) {
            resolve();
            return;
          }
          shard.process.once('exit', () => {
            resolve();
          });
          shard.process.kill(signal);
        }),
    );
    await within(10_000, 'stopping the shards', Promise.all(deaths)).catch(() => {
      for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL');
    });
  };

  try {
    await manager.spawn({ amount: count, timeout: env.STARTUP_TIMEOUT_MS });
  } catch (error) {
    await stopShards('SIGTERM');
    await http?.close();
    await pages?.close();
    throw new StartupError(
      `the shards did not all start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  logger.info({ shards: count }, 'all shards ready');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the shards');
    await http?.close();
    await stopShards('SIGTERM');
    await pages?.close();
    await flushLogs(logger);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
