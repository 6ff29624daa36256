import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';

// One cold start, as a new process meets it: the knowledge base loaded and checked, then indexed.
// Prints one JSON line; bench/engine.ts runs this in several fresh processes.
const t0 = performance.now();
const kb = loadKnowledge();
const t1 = performance.now();
createEngine(kb);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ load: t1 - t0, index: t2 - t1 })}\n`);
