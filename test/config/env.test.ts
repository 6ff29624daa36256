import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv, retiredVariables } from '../../src/config/env.js';

describe('configuration', () => {
  it('treats an empty or blank value as unset, for every variable alike', () => {
    const env = loadEnv({
      DISCORD_TOKEN: '  ',
      STORE_PATH: ' ',
      HTTP_PORT: '',
      HTTP_HOST: '\t',
      RATE_LIMIT_PER_MINUTE: ' ',
      BRIEFING_READ_MESSAGES: '',
      LOG_LEVEL: '',
    });
    expect(env.DISCORD_TOKEN).toBeUndefined();
    expect(env.STORE_PATH).toBe('data/egov-briefing-bot.sqlite');
    expect(env.HTTP_PORT).toBeUndefined();
    expect(env.HTTP_HOST).toBe('127.0.0.1');
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(10);
    expect(env.BRIEFING_READ_MESSAGES).toBe(false);
    expect(env.LOG_LEVEL).toBe('info');
  });

  it.each([
    [{ SHARD_COUNT: 'auto' }, 'auto'],
    [{ SHARD_COUNT: '2' }, 2],
    [{}, undefined],
  ])('reads SHARD_COUNT %j', (source, expected) => {
    expect(loadEnv(source).SHARD_COUNT).toBe(expected);
  });

  it('reports every problem at once, never echoing a value', () => {
    const error = (() => {
      try {
        loadEnv({
          HTTP_PORT: '99999',
          SHARD_COUNT: 'many',
          DISCORD_TOKEN: 'secret-token',
          STARTUP_TIMEOUT_MS: '5',
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EnvError);
    const issues = (error as EnvError).issues.join('\n');
    for (const name of ['HTTP_PORT', 'SHARD_COUNT', 'STARTUP_TIMEOUT_MS', 'DISCORD_APPLICATION_ID'])
      expect(issues).toContain(name);
    expect(issues).not.toContain('secret-token');
  });

  it('warns about the retired global organiser role', () => {
    expect(retiredVariables({ BRIEFING_ORGANISER_ROLE_ID: '1311000000000000300' })).toEqual([
      expect.stringContaining('/briefing-qa organiser-role') as unknown as string,
    ]);
    expect(retiredVariables({ BRIEFING_ORGANISER_ROLE_ID: ' ' })).toEqual([]);
  });
});
