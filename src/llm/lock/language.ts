/** The reply language of a rewording, read from the share of Hangul and Latin letters. */
import type { AnswerLanguage } from '../types.js';

/** Shares of Hangul and Latin among the letters of a text. */
export interface ScriptShares {
  readonly hangul: number;
  readonly latin: number;
  readonly letters: number;
}

export function measureScripts(text: string): ScriptShares {
  let hangul = 0;
  let latin = 0;
  let letters = 0;
  // By code point, without a string per character: most of them take the fast paths below.
  for (let index = 0; index < text.length; index += 1) {
    const code = text.codePointAt(index) ?? 0;
    if (code > 0xffff) index += 1;
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        letters += 1;
        latin += 1;
      }
      continue;
    }
    if (code >= 0xac00 && code <= 0xd7a3) {
      letters += 1;
      hangul += 1;
      continue;
    }
    const char = String.fromCodePoint(code);
    if (!/\p{L}/u.test(char)) continue;
    letters += 1;
    if (/\p{Script=Hangul}/u.test(char)) hangul += 1;
  }
  return letters === 0
    ? { hangul: 0, latin: 0, letters: 0 }
    : { hangul: hangul / letters, latin: latin / letters, letters };
}

/** Why the rewording is not in the reply language, or null when it is. */
export function checkLanguage(
  language: AnswerLanguage,
  template: ScriptShares,
  candidatePrepared: string,
): string | null {
  const shares = measureScripts(candidatePrepared);
  if (shares.letters === 0) return 'no letters';
  // A template that itself quotes many names in the other script lowers the bar, but never below half.
  if (language === 'ko') {
    const floor = Math.min(0.5, template.hangul * 0.6);
    return shares.hangul >= floor ? null : `Hangul share ${shares.hangul.toFixed(2)} < ${floor.toFixed(2)}`;
  }
  const floor = Math.min(0.8, template.latin * 0.8);
  return shares.latin >= floor ? null : `Latin share ${shares.latin.toFixed(2)} < ${floor.toFixed(2)}`;
}
