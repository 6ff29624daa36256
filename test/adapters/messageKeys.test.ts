import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASPECTS } from '../../commands/project.js';
import { RULE_INPUTS } from '../../commands/rule.js';
import { realEngine } from '../support/engine.js';

/** The front ends' sentences live under these prefixes of knowledge/messages.yaml. */
const PREFIXES = ['notice', 'discord', 'console', 'briefingQa', 'command', 'file'];

/** Keys built at run time, and every value they take. */
const FAMILIES: Record<string, readonly string[]> = {
  'notice.thanks.': ['up', 'down'],
  'discord.button.': ['helpful', 'notHelpful', 'share'],
  'briefingQa.invalid.': ['empty', 'too_long', 'mentions', 'no_words'],
  'command.project.aspect.': ASPECTS,
  'command.rule.input.': RULE_INPUTS,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sources('src/adapters'), ...sources('commands')];
const code = files.map((file) => readFileSync(file, 'utf8'));
/** The briefing view names its sentences by their last part (say('queued'), say(outcome.kind)…). */
const briefingCode = files.filter((file) => /briefing/i.test(file)).map((file) => readFileSync(file, 'utf8'));

/** Every catalogue key the front ends name in their code (`lenient`: or may name, by a word). */
function keysInCode(lenient = false): Set<string> {
  const keys = new Set<string>();
  const literal = new RegExp(`'((?:${PREFIXES.join('|')})\\.[\\w.]+)'`, 'g');
  for (const text of code) {
    for (const [, key] of text.matchAll(literal)) if (key !== 'discord.js') keys.add(key!);
    for (const [, key] of text.matchAll(/\bsay\('([\w.]+)'/g))
      keys.add(key!.startsWith('notice.') ? key! : `briefingQa.${key!}`);
  }
  if (lenient)
    for (const text of briefingCode)
      for (const [, word] of text.matchAll(/'([\w.]+)'/g)) keys.add(`briefingQa.${word!}`);
  keys.add('briefingQa.queueTitle.ended');
  for (const [prefix, values] of Object.entries(FAMILIES)) for (const v of values) keys.add(`${prefix}${v}`);
  return keys;
}

describe('the front ends’ sentences are in knowledge/messages.yaml', () => {
  const messages = realEngine().kb.messages;

  it('has every key the adapters and commands use', () => {
    const missing = [...keysInCode()].filter((key) => !(key in messages));
    expect(missing).toEqual([]);
  });

  it('keeps no front-end sentence nothing uses', () => {
    const used = keysInCode(true);
    const unused = Object.keys(messages).filter(
      (key) => PREFIXES.some((p) => key.startsWith(`${p}.`)) && !used.has(key),
    );
    expect(unused).toEqual([]);
  });

  it('has no Korean sentence left in the adapters or commands', () => {
    const korean = /['`"][^'`"\n]*[\uac00-\ud7a3][^'`"\n]*['`"]/g;
    // Korean option names are identifiers Discord shows (name_localizations), not sentences.
    const sentences = code.flatMap((text) =>
      [...text.matchAll(korean)]
        .map((m) => m[0])
        .filter((s) => /\s/.test(s) || /[.?!]$/.test(s.slice(0, -1))),
    );
    expect(sentences).toEqual([]);
  });
});
