import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';

// One cold start, as a new process meets it: the knowledge base loaded and checked, then indexed.
// Prints one JSON line; bench/engine.ts runs this in several fresh processes. `--no-cache` reads
// and checks the files as the first start after a change does; otherwise the start-up cache is used.
const noCache = process.argv.includes('--no-cache');
const t0 = performance.now();
const kb = loadKnowledge(undefined, noCache ? { cacheDir: null } : {});
const t1 = performance.now();
createEngine(kb);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ load: t1 - t0, index: t2 - t1 })}\n`);
