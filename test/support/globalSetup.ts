import { CHROMIUM, hasChromium } from './browser.js';
import { hasRedis } from './redis.js';

/**
 * Runs once before the suite. The Redis tests need the redis-server binary and the browser tests
 * Debian's Chromium: without one, its tests are skipped with one line saying so, unless
 * REQUIRE_REDIS=1 / REQUIRE_BROWSER=1 (CI), which fail the run instead.
 */
export default function setup(): void {
  if (!hasRedis()) {
    if (process.env['REQUIRE_REDIS'] === '1')
      throw new Error('REQUIRE_REDIS=1 but redis-server is not installed (apt-get install redis-server)');
    console.warn(
      'Redis tests skipped: redis-server is not installed. Install it (apt-get install redis-server, or brew install redis) to run them; REQUIRE_REDIS=1 makes its absence an error (CI sets it).',
    );
  }
  if (!hasChromium()) {
    if (process.env['REQUIRE_BROWSER'] === '1')
      throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is not installed (apt-get install chromium)`);
    console.warn(
      `Browser tests skipped: ${CHROMIUM} is not installed. Install it (apt-get install chromium) to run them; REQUIRE_BROWSER=1 makes its absence an error (CI sets it).`,
    );
  }
}
