import { saysPlainly } from './cues.js';
import type { InputDraft } from './types.js';

const LOCAL =
  /지방\s*계약|지방\s*자치\s*단체|(?:기초|광역)\s*(?:자치\s*)?단체|(?:기초|광역)\s*지자체|지자체|지방\s*정부|(?<![\uac00-\ud7a3])(?:시청|군청|구청|도청)|local[\s-]+(?:government|authority|authorities|council|contract|notice|version|exception|side)s?|municipal(?:ity|ities)?|provincial|county|city\s+hall|(?:city|town|district|provincial|metropolitan)\s+(?:government|office|council)s?/gu;
const NATIONAL =
  /국가\s*계약|국가\s*기관|중앙\s*(?:부처|행정\s*기관|정부)|national\s+(?:government|contract|agency|agencies)|central\s+government/gu;

/**
 * The contract level, for every decision whose rules depend on the exception periods: 'local' for
 * 지방계약 / 지자체 / local government (judged by the local periods), 'national' when the question
 * says so; both named is unclear.
 */
/** Whether the question is about local-government contracts only (read as `readContractLevel` does). */
export function isLocalContract(text: string): boolean {
  return saysPlainly(text, LOCAL) && !saysPlainly(text, NATIONAL);
}

export function readContractLevel(text: string, draft: InputDraft): void {
  const local = saysPlainly(text, LOCAL);
  const national = saysPlainly(text, NATIONAL);
  if (local && national) draft.unclear.push({ input: 'contractLevel', reason: 'several-values' });
  else if (local || national) draft.values['contractLevel'] = local ? 'local' : 'national';
}
