import { readShares } from '../../reading/amounts.js';
import { readContractLevel } from './contract-level.js';
import { finishReading, startReading, type InputReading } from './types.js';

/** The bid notice the asker quotes: "공고문에 …", "입찰공고에는 …", "the bid notice says …". */
const NOTICE =
  /공고문|입찰\s*공고|공고(?:에|엔|인데|는|상|에서|를\s*보니|\s*보니)|\b(?:bid|tender)\s+notice|\bthe\s+notice\b/u;
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['bid', /입찰\s*보증금|\bbid\s+bonds?\b/u],
  ['contract', /계약\s*보증금|\bcontract\s+bonds?\b/u],
  ['performance', /이행\s*보증금|\bperformance\s+bonds?\b/u],
];

/** The agency's side asked: "can the agency still demand 5%?", "발주기관이 5% 요구해도 돼?". */
const AGENCY_DEMANDS =
  /\b(?:can|may|could|is)\s+(?:the\s+)?(?:agency|ordering\s+(?:body|agency)|client|buyer|they)\s+(?:still\s+|allowed\s+to\s+)?(?:demand|require|ask\s+for|charge|insist|keep)|발주\s*(?:기관|처)\S*\s*(?:\S+\s+){0,3}(?:요구|요청|받아도|받을\s*수|받는|받겠|그대로|유지)/u;

/**
 * Reads the bond-cuts decision's inputs: the contract level, and the rate the bid notice sets
 * (`noticeRate`, "공고문에 입찰보증금 5%라고 돼 있어요") with the bond it is for (`bondKind`), and
 * whether the agency's side is asked (`agencyDemands`: "can the agency still demand 5%?"). The cuts
 * are each agency's choice, so a notice that sets the normal rate decides what is paid.
 */
export function readBondCutsInputs(text: string): InputReading {
  const draft = startReading();
  readContractLevel(text, draft);
  const notice = NOTICE.exec(text);
  if (notice !== null) {
    // The notice's own clause: "공고문에 입찰보증금 5%라고 돼 있어요. 그래도 … 2.5%만" quotes one rate.
    const window =
      text
        .slice(notice.index, notice.index + notice[0].length + 40)
        .split(/[.?!;]\s|그래도|근데|\bbut\b/u)[0] ?? '';
    const rates = readShares(window).filter((share) => share.kind === 'percent');
    const kinds = KINDS.filter(([, pattern]) => pattern.test(window)).map(([kind]) => kind);
    if (rates.length === 1 && kinds.length === 1) {
      draft.values['noticeRate'] = rates[0]!.percent;
      draft.values['bondKind'] = kinds[0]!;
      draft.values['agencyDemands'] = AGENCY_DEMANDS.test(text);
      draft.asked = true;
    }
  }
  return finishReading(draft, []);
}
