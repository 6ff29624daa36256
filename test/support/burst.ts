import { DEFAULT_LIMITS, checkQuestion, questionKey } from '../../src/briefing/model.js';

export interface PlannedQuestion {
  readonly user: string;
  readonly text: string;
  readonly channelId: string;
}

/**
 * A briefing burst: `questions` questions from `accounts` accounts, taking turns over `channels`:
 * 30% known questions (auto-answered), 20% the same few questions reworded (merged as votes),
 * 50% new ones; never the same question twice from one account in one channel. Only questions a
 * briefing accepts (refusing bad input is tested elsewhere).
 */
export function planBurst(options: {
  questions: number;
  accounts: number;
  known: readonly string[];
  channels: readonly string[];
}): PlannedQuestion[] {
  const valid = options.known.filter((q) => checkQuestion(q, DEFAULT_LIMITS).ok);
  const plan: PlannedQuestion[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < options.questions; k++) {
    const user = `13110000000${String(100000 + (k % options.accounts))}`;
    const channelId = options.channels[k % options.channels.length]!;
    const kind = k % 10;
    let text =
      kind < 3
        ? valid[k % valid.length]!
        : kind < 5
          ? `세션  ${(k * 7) % 150}번 점심 도시락은 어디서 받나요`
          : `세션 ${k}번 휴식 시간은 몇 분인가요?`;
    if (seen.has(`${channelId}|${user}|${questionKey(text)}`)) text = `세션 ${k}번 휴식 시간은 몇 분인가요?`;
    seen.add(`${channelId}|${user}|${questionKey(text)}`);
    plan.push({ user, text, channelId });
  }
  return plan;
}
