import { hasRedis } from './redis.js';

/**
 * Runs once before the suite. The Redis tests need the redis-server binary: without it they are
 * skipped with one line saying so, unless REQUIRE_REDIS=1 (CI), which fails the run instead.
 */
export default function setup(): void {
  if (hasRedis()) return;
  if (process.env['REQUIRE_REDIS'] === '1')
    throw new Error('REQUIRE_REDIS=1 but redis-server is not installed (apt-get install redis-server)');
  console.warn(
    'Redis tests skipped: redis-server is not installed. Install it (apt-get install redis-server, or brew install redis) to run them; REQUIRE_REDIS=1 makes its absence an error (CI sets it).',
  );
}
