// `node scripts/run.mjs <entry> [args…]`: runs dist/src/bin/<entry>.js (building it first when
// the sources changed and TypeScript is installed), so every npm script runs the same compiled
// code in development and in a production install without dev dependencies.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined || !/^[a-z-]+$/.test(entry)) {
  process.stderr.write('usage: node scripts/run.mjs <entry> [args…]\n');
  process.exit(2);
}
ensureBuilt();
const script = join(import.meta.dirname, '..', 'dist', 'src', 'bin', `${entry}.js`);
// The entry reads its own arguments from process.argv as if it had been started directly.
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
