import type { APIApplicationCommandOption, APIApplicationCommandOptionChoice } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { measureDecisions } from '../../commands/rule.js';
import { realEngine } from '../support/engine.js';

const kb = realEngine().kb;
const rule = commandDefinitions(kb).find((c) => c.name === 'rule')!;

function sub(name: string): APIApplicationCommandOption & { options?: APIApplicationCommandOption[] } {
  const found = rule.options!.find((o) => o.name === name);
  if (found === undefined) throw new Error(`/rule has no ${name}`);
  return found;
}

function choicesOf(option: APIApplicationCommandOption | undefined): APIApplicationCommandOptionChoice[] {
  return option !== undefined && 'choices' in option ? (option.choices ?? []) : [];
}

describe('/rule options come from knowledge/rules.yaml', () => {
  it('offers every company tier of the large-company decision, labelled as the data labels them', () => {
    const input = kb.decisions
      .find((d) => d.id === 'large-company')!
      .inputs.find((i) => i.name === 'companyTier')!;
    const tier = sub('large-company').options!.find((o) => o.name === 'tier');
    expect(choicesOf(tier)).toEqual(
      input.values!.map((value) => ({
        name: input.valueLabels![value]!.en,
        name_localizations: { ko: input.valueLabels![value]!.ko },
        value,
      })),
    );
  });

  it('offers every decision without a subcommand of its own under measure, by its title', () => {
    const measures = measureDecisions(kb);
    expect(measures.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'bond-cuts',
        'advance-payment',
        'fast-inspection-payment',
        'eligibility-review',
      ]),
    );
    const which = sub('measure').options!.find((o) => o.name === 'measure');
    expect(choicesOf(which)).toEqual(
      measures.map((d) => ({ name: d.title.en, name_localizations: { ko: d.title.ko }, value: d.id })),
    );
  });

  it('describes each decision subcommand by the decision title, in both languages', () => {
    for (const [name, decision] of [
      ['single-source', 'single-source'],
      ['bid-notice', 'emergency-notice'],
      ['large-company', 'large-company'],
      ['subcontract', 'subcontracting'],
    ] as const) {
      const title = kb.decisions.find((d) => d.id === decision)!.title;
      expect(sub(name).description, name).toBe(title.en);
      expect(sub(name).description_localizations?.ko, name).toBe(title.ko);
    }
  });

  it('asks for every input a subcommand decides by, required ones first', () => {
    expect(sub('single-source').options!.map((o) => [o.name, o.required ?? false])).toEqual([
      ['failed_rounds', true],
      ['date', false],
    ]);
    expect(sub('large-company').options!.map((o) => o.name)).toEqual([
      'tier',
      'amount',
      'exception',
      'vat_included',
    ]);
    expect(sub('subcontract').options!.map((o) => o.name)).toEqual(['share', 'resubcontract']);
    expect(sub('bid-notice').options!.map((o) => o.name)).toEqual(['date']);
  });

  it('follows the data: a new tier label shows in the options', () => {
    const decisions = kb.decisions.map((d) =>
      d.id !== 'large-company'
        ? d
        : {
            ...d,
            inputs: d.inputs.map((i) =>
              i.name !== 'companyTier'
                ? i
                : {
                    ...i,
                    valueLabels: { ...i.valueLabels, sme: { ko: '중소 SW 기업', en: 'small SW firm' } },
                  },
            ),
          },
    );
    const changed = commandDefinitions({ ...kb, decisions }).find((c) => c.name === 'rule')!;
    const tier = (
      changed.options!.find((o) => o.name === 'large-company') as { options: APIApplicationCommandOption[] }
    ).options.find((o) => o.name === 'tier');
    expect(choicesOf(tier).find((c) => c.value === 'sme')).toEqual({
      name: 'small SW firm',
      name_localizations: { ko: '중소 SW 기업' },
      value: 'sme',
    });
  });
});

describe('every command definition fits Discord’s limits', () => {
  // Discord refuses the whole registration when one text is too long (found by the stand-in).
  type Node = {
    name?: string;
    description?: string;
    description_localizations?: Record<string, string>;
    options?: Node[];
    choices?: { name: string }[];
  };
  const texts = (node: Node, path: string): [string, string][] => [
    ...(node.description !== undefined
      ? [[`${path} description`, node.description] as [string, string]]
      : []),
    ...Object.entries(node.description_localizations ?? {}).map(
      ([locale, text]) => [`${path} description (${locale})`, text] as [string, string],
    ),
    ...(node.choices ?? []).map((c) => [`${path} choice`, c.name] as [string, string]),
    ...(node.options ?? []).flatMap((o) => texts(o, `${path} ${o.name ?? ''}`)),
  ];
  it.each(commandDefinitions(kb).flatMap((c) => texts(c as Node, `/${c.name}`)))(
    '%s: ≤ 100 characters',
    (_, text) => {
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(100);
    },
  );
});
