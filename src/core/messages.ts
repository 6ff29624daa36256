import { josa } from 'es-hangul';
import type { Localized } from '../knowledge/schema.js';
import type { Language } from './types.js';

type JosaPair = Parameters<typeof josa>[1];

/**
 * Fills a message template. `{name}` is replaced by the value; `{name|은/는}` by the Korean
 * particle that fits the value's last syllable (es-hangul). Unknown placeholders are left as is.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)(?:\|([^}]+))?\}/g, (whole, name: string, particle: string | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (particle === undefined) return String(value);
    // josa() returns the word with its particle; keep only the particle.
    const word = String(value);
    const lastLetter = [...word.replace(/[\s)\]"'」]+$/u, '')].pop() ?? '';
    const withParticle = /[\uac00-\ud7a3]/u.test(lastLetter)
      ? josa(lastLetter, particle as JosaPair)
      : josa(digitReading(lastLetter), particle as JosaPair);
    return withParticle.slice(withParticle.length - particle.split('/')[0]!.length);
  });
}

// For a trailing digit, the particle follows its Korean reading (1 일, 2 이, 3 삼 ...).
const DIGIT_READINGS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
function digitReading(character: string): string {
  return /\d/.test(character) ? (DIGIT_READINGS[Number(character)] ?? '이') : '이';
}

/** Messages keyed by id, in one language. */
export class MessageBook {
  constructor(private readonly messages: Readonly<Record<string, Localized>>) {}

  has(key: string): boolean {
    return key in this.messages;
  }

  get(key: string, language: Language, values: Readonly<Record<string, string | number>> = {}): string {
    const message = this.messages[key];
    if (message === undefined) throw new Error(`message "${key}" is not in knowledge/messages.yaml`);
    return fillTemplate(message[language], values);
  }
}
