import type { ShareMention } from '../../reading/amounts.js';
import { continuesPrevious, nearestCueBefore } from './cues.js';
import type { InputDraft } from './types.js';

/** What ties a percent to an input: a cue word before it, or as the word it qualifies. */
export interface PercentCue {
  /** The cue words, global: 하도급|subcontract..., 선금|advance... */
  readonly pattern: RegExp;
  /** Words that may stand between the percent and the cue after it ("40%를 하도급"). */
  readonly fillerAfter: RegExp;
}

/**
 * The shares tied to the cue, in text order: a cue word before the share (not reaching past the
 * previous share), or as the word it qualifies; a share joined to a cued one by a connector
 * ("70%에서 80%로") is cued too.
 */
export function cuedShares(text: string, shares: readonly ShareMention[], cue: PercentCue): ShareMention[] {
  const atStart = new RegExp(`^(?:${cue.pattern.source})`, 'u');
  let floor = 0;
  let previousCued = false;
  return shares.filter((share) => {
    const rest = text.slice(share.index + share.text.length);
    const after = rest.slice(cue.fillerAfter.exec(rest)?.[0].length ?? 0);
    const hit =
      atStart.test(after) ||
      nearestCueBefore(text, share.index, floor, [{ role: 'cue', pattern: cue.pattern }]) !== null ||
      (previousCued && continuesPrevious(text, floor, share.index));
    floor = share.index + share.text.length;
    previousCued = hit;
    return hit;
  });
}

/**
 * Writes a percent input where more is what the rules refuse (a subcontracted share, an
 * advance): exact and "up to" shares are the value asked; "over" and "at least" try the bound
 * and 100%.
 */
export function writePercentInput(draft: InputDraft, input: string, share: ShareMention): void {
  draft.display[input] = share.text;
  switch (share.bound) {
    case 'exact':
    case 'at-most':
      draft.values[input] = share.percent;
      break;
    case 'over':
      draft.alternatives.push({ [input]: share.percent + 0.01 }, { [input]: 100 });
      break;
    case 'at-least':
      draft.alternatives.push({ [input]: share.percent }, { [input]: 100 });
      break;
  }
}

/** A share that cannot be: over 100%, or written with a minus sign. */
export function isImpossibleShare(text: string, share: ShareMention): boolean {
  return share.percent > 100 || /[-−]\s*$/u.test(text.slice(0, share.index));
}
