// Builds dist/ with tsc when any source is newer than the last build, so `npm start` runs plain
// JavaScript (faster start, ~35 MB less memory than a TypeScript loader) without a slow rebuild
// on every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.tsbuildinfo';
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return Math.max(latest, time);
  }, 0);

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const sources = Math.max(
  newest('src'),
  newest('commands'),
  statSync('tsconfig.json').mtimeMs,
  statSync('package-lock.json').mtimeMs,
);
if (sources > built) {
  process.stderr.write('building dist/ …\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
