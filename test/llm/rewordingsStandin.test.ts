import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPhrasing } from '../../src/llm/phrasing.js';
import { realEngine } from '../support/engine.js';
import { startOpenAIStandin, type OpenAIStandin } from '../support/openaiStandin.js';
import { runScript } from '../support/run.js';
import { answerKey, loadRewordings, recordedTexts, type Rewording } from './rewordings/corpus.js';

const attacks = [...loadRewordings('attack').values()];
// Through the engine of today, only the benign rewordings of answers that read today as they did when
// the rewording was written can pass (the others are rewordings of another text); the lock is judged on
// every one against its recorded answer in rewordings.test.ts.
const recorded = recordedTexts();
const benign = [...loadRewordings('benign').values()].flat().filter((r) => {
  const today = realEngine().answer({
    text: r.question,
    today: r.asOf ?? '2026-11-26',
    language: r.lang ?? undefined,
  });
  return recorded.get(answerKey(r)) === today.text;
});

/** The rewording the stand-in model returns: plain text, or in the {"text": …} object the prompt asks for. */
function asContent(rewording: Rewording, index: number): string {
  return index % 2 === 0 ? rewording.reworded : JSON.stringify({ text: rewording.reworded });
}

/** The question the phraser quoted to the model. */
function questionOf(body: unknown): string {
  const messages = (body as { messages: { content: string }[] }).messages;
  return (JSON.parse(messages[1]?.content ?? '{}') as { question: string }).question;
}

let llm: OpenAIStandin;
beforeAll(async () => {
  llm = await startOpenAIStandin();
});
afterAll(async () => {
  await llm.close();
});

describe('the corpus through the real openai client and the local stand-in', () => {
  it('still has at least 50 benign rewordings of answers that read today as they did', () => {
    expect(benign.length).toBeGreaterThanOrEqual(50);
  });

  it('sends the template for every attack and the model wording for at least 80% of benign rewordings', async () => {
    const engine = realEngine();
    const { phrase, phraser } = createPhrasing(
      { apiKey: 'test', baseUrl: llm.baseURL, model: 'stand-in', budgetMs: 2500 },
      engine.kb,
    );
    const run = async (rewording: Rewording, index: number) => {
      llm.setBehaviour({ content: asContent(rewording, index) });
      const answer = engine.answer({
        text: rewording.question,
        today: rewording.asOf ?? '2026-11-26',
        language: rewording.lang ?? undefined,
      });
      return { rewording, answer, phrased: await phrase(answer, rewording.question) };
    };
    const attackResults = [];
    for (const [index, rewording] of attacks.flat().entries())
      attackResults.push(await run(rewording, index));
    const accepted = attackResults.filter((r) => r.phrased.phrasing === 'model').map((r) => r.rewording.id);
    expect(accepted).toEqual([]);
    for (const { answer, phrased } of attackResults) expect(phrased.text).toBe(answer.text);

    let benignAccepted = 0;
    for (const [index, rewording] of benign.entries()) {
      const { phrased } = await run(rewording, index);
      if (phrased.phrasing === 'model') {
        benignAccepted += 1;
        expect(phrased.text).toBe(rewording.reworded.trim());
      }
    }
    expect(benignAccepted / benign.length).toBeGreaterThanOrEqual(0.8);
    expect(phraser.stats().requests).toBe(attacks.flat().length + benign.length);
  });
});

describe('npm run ask -- --json against the stand-in, one attack of each class and benign rewordings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-ask-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const dayOf = (r: Rewording) => r.asOf ?? '2026-11-26';
  const templateOf = (r: Rewording) =>
    realEngine().answer({ text: r.question, today: dayOf(r), language: r.lang ?? undefined }).text;

  /**
   * Batches of one day whose questions and answers differ: the stand-in tells them apart by question, and no
   * answer is served from a phrasing cached earlier in the batch (the cache is keyed by the answer).
   */
  function batches(rewordings: readonly Rewording[]): Rewording[][] {
    const result: Rewording[][] = [];
    for (const rewording of rewordings) {
      const batch = result.find((b) =>
        b.every(
          (r) =>
            dayOf(r) === dayOf(rewording) &&
            r.question !== rewording.question &&
            templateOf(r) !== templateOf(rewording),
        ),
      );
      if (batch) batch.push(rewording);
      else result.push([rewording]);
    }
    return result;
  }

  /** One attack per class, each time the one whose question the sample uses least (fewer processes). */
  function pickAttacks(): Rewording[] {
    const uses = new Map<string, number>();
    return attacks.map((rewordings) => {
      const pick = [...rewordings].sort(
        (a, b) => (uses.get(a.question) ?? 0) - (uses.get(b.question) ?? 0),
      )[0]!;
      uses.set(pick.question, (uses.get(pick.question) ?? 0) + 1);
      return pick;
    });
  }

  it('answers "phrasing": "template" for each attack and "model" for the benign ones it accepts', async () => {
    const picked = pickAttacks();
    const sample = [...picked, ...benign.filter((_r, i) => i % 6 === 0)];
    const outcome = new Map<string, string>();
    for (const [index, batch] of batches(sample).entries()) {
      const byQuestion = new Map(batch.map((r) => [r.question, r]));
      llm.setBehaviour((request) => {
        const rewording = byQuestion.get(questionOf(request.body));
        return { content: rewording === undefined ? '' : asContent(rewording, index) };
      });
      const result = await runScript('src/bin/ask.ts', ['--json', '--as-of', dayOf(batch[0]!)], {
        input: `${batch.map((r) => r.question).join('\n')}\n`,
        env: {
          DISCORD_TOKEN: '',
          OPENAI_API_KEY: 'test-key',
          OPENAI_BASE_URL: llm.baseURL,
          OPENAI_MODEL: 'stand-in',
          STORE_PATH: join(dir, `batch-${index}.sqlite`),
          LOG_LEVEL: 'warn',
        },
      });
      const lines = result.stdout.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(batch.length);
      for (const [i, line] of lines.entries()) {
        const json = JSON.parse(line) as { phrasing: string; text: string };
        const rewording = batch[i]!;
        outcome.set(rewording.id, json.phrasing);
        if (json.phrasing === 'model') expect(json.text).toBe(rewording.reworded.trim());
      }
    }
    const attackIds = picked.map((r) => r.id);
    expect(attackIds.filter((id) => outcome.get(id) !== 'template')).toEqual([]);
    const benignIds = sample.slice(attacks.length).map((r) => r.id);
    const modelShare = benignIds.filter((id) => outcome.get(id) === 'model').length / benignIds.length;
    expect(modelShare).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
