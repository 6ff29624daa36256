import { readContractLevel } from './contract-level.js';
import { isNegated, saysPlainly } from './cues.js';
import { finishReading, startReading, type InputReading } from './types.js';

/**
 * A statutory emergency reason the asker says they have ("법정 긴급 사유가 있으면", "a genuine
 * statutory emergency reason"). Early budget spending is the exception's own ground, not one of these.
 */
const STATUTORY =
  /법정\s*(?:긴급\s*)?사유|법령상\s*(?:긴급\s*)?사유|긴급\s*사유(?:가|는)?\s*(?:있|인정|해당|충족)|statutory\s+(?:emergency\s+)?(?:reason|ground)s?|genuine\s+(?:statutory\s+)?emergency|legal\s+(?:emergency\s+)?ground\s+for\s+(?:an\s+)?emergency/gu;

/** "긴급사유도 없어요", "no statutory reason": the asker says there is none. */
const NONE =
  /긴급\s*사유(?:도|는|가)?\s*(?:없|아니|아님|x\b)|법정\s*(?:긴급\s*)?사유(?:도|는|가)?\s*(?:없|아니|아님)|사유\s*(?:도|는)?\s*없이|\bno\s+(?:[\w-]+\s+){0,2}(?:reason|ground)s?\b|\bwithout\s+(?:a\s+|an\s+|any\s+)?(?:[\w-]+\s+){0,2}(?:reason|ground)s?\b|\bnot\s+(?:a\s+|any\s+)?(?:statutory|legal)\b/u;

/** Reads the emergency-notice decision's inputs: the contract level and `statutoryReason`. */
export function readEmergencyNoticeInputs(text: string): InputReading {
  const draft = startReading();
  readContractLevel(text, draft);
  if (NONE.test(text)) draft.values['statutoryReason'] = false;
  else if (saysPlainly(text, STATUTORY)) draft.values['statutoryReason'] = true;
  else if ([...text.matchAll(STATUTORY)].some((m) => isNegated(text, m.index, m.index + m[0].length)))
    draft.values['statutoryReason'] = false;
  return finishReading(draft, []);
}
