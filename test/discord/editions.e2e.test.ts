import type { APIApplicationCommandOption, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefingTopics } from '../../commands/briefing.js';
import { knowledgeAsOf } from '../../src/core/projectTable.js';
import { message, parseCsv } from '../briefing/helpers.js';
import { startBotOnStandin, descriptionOf, type BotOnStandin } from '../support/botOnStandin.js';
import { realEngine } from '../support/engine.js';

const years = realEngine()
  .kb.editions.map((e) => e.year)
  .reverse();

/** The project names a `/projects` reply lists ("• name — budget · agency"). */
function listedNames(reply: APIMessage): string[] {
  return descriptionOf(reply)
    .split('\n')
    .filter((line) => line.startsWith('• ') && line.includes(' — '))
    .map((line) => line.slice(2, line.indexOf(' — ')));
}

describe('program years in Discord (/project, /projects, /briefing) through the stand-in', () => {
  let s: BotOnStandin;

  beforeAll(async () => {
    s = await startBotOnStandin();
  });

  afterAll(async () => {
    await s.close();
  });

  it('registers an autocompleted year option on /project, /projects and /briefing', () => {
    for (const name of ['project', 'projects', 'briefing']) {
      const command = s.standin.guildCommands.find((c) => c.name === name)!;
      const year = command.options?.find((o) => o.name === 'year') as APIApplicationCommandOption & {
        autocomplete?: boolean;
      };
      expect(year, name).toBeDefined();
      expect(year.autocomplete, name).toBe(true);
      expect(year.name_localizations?.ko, name).toBe('연도');
    }
  });

  it.each([
    ['projects', {}, ''],
    ['briefing', {}, '20'],
    ['project', { name: '국민비서' }, ''],
  ])('suggests the editions, latest first, for /%s', async (command, options, typed) => {
    const final = await s.standin
      .sendAutocomplete(command, { ...options, year: typed }, 'year', { locale: 'ko' })
      .waitForFinal();
    if (final.kind !== 'autocomplete') throw new Error('expected autocomplete');
    expect(final.choices.map((c) => c.value)).toEqual(years);
    expect(final.choices[0]!.name).toBe(`${years[0]}년 지원사업`);
  });

  it('narrows the year suggestions to what was typed', async () => {
    const oldest = years.at(-1)!;
    const final = await s.standin
      .sendAutocomplete('projects', { year: String(oldest) }, 'year', { locale: 'en-US' })
      .waitForFinal();
    if (final.kind !== 'autocomplete') throw new Error('expected autocomplete');
    expect(final.choices).toEqual([{ name: `${oldest} program`, value: oldest }]);
  });

  it('still suggests project names on /project while the name is typed', async () => {
    const final = await s.standin
      .sendAutocomplete('project', { name: 'ㄱㅁㅂㅅ', year: 2021 }, 'name', { locale: 'ko' })
      .waitForFinal();
    if (final.kind !== 'autocomplete') throw new Error('expected autocomplete');
    expect(final.choices[0]!.value).toBe('national-secretary');
  });

  it.each([
    [2021, '2021년 1월 21일', '2022년 2월 10일'],
    [2022, '2022년 2월 10일', '2021년 1월 21일'],
  ])('/briefing year:%i shows that year’s briefing', async (year, shown, other) => {
    const reply = message(await s.standin.sendCommand('briefing', { year }, { locale: 'ko' }).waitForFinal());
    const text = descriptionOf(reply);
    expect(text).toContain(shown);
    expect(text).not.toContain(other);
    expect(text).toBe(realEngine().showTopics(briefingTopics(realEngine().kb, year), 'ko', year).text);
  });

  it('/briefing without a year shows the latest edition’s briefing', async () => {
    const latest = message(await s.standin.sendCommand('briefing', {}, { locale: 'ko' }).waitForFinal());
    const chosen = message(
      await s.standin.sendCommand('briefing', { year: years[0]! }, { locale: 'ko' }).waitForFinal(),
    );
    expect(descriptionOf(latest)).toBe(descriptionOf(chosen));
  });

  it.each([
    [2021, '(2차)'],
    [2022, '(3차)'],
  ])('/project year:%i describes the project as it was that year', async (year, phase) => {
    const reply = message(
      await s.standin
        .sendCommand('project', { name: 'national-secretary', year }, { locale: 'ko' })
        .waitForFinal(),
    );
    expect(descriptionOf(reply)).toContain(phase);
  });

  it('says which years are known when the year has no edition', async () => {
    const handle = s.standin.sendCommand('projects', { year: 2019 }, { locale: 'ko' });
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    expect(reply.content).toContain('2019');
    for (const year of years) expect(reply.content).toContain(String(year));
  });

  it.each([
    [{ year: 2021 }, 'ko', 2021],
    [{ year: 2022 }, 'en-US', 2022],
    [{ year: 2022, new: true }, 'ko', 2022],
    [{ year: 2021, agency: '행정안전부' }, 'en-US', 2021],
  ])('/projects %j csv:true attaches the same projects as a CSV table', async (options, locale, year) => {
    const handle = s.standin.sendCommand('projects', { ...options, csv: true }, { locale });
    const reply = message(await handle.waitForFinal());
    const followup = await handle.waitForFollowup();
    expect((await handle.callback).ephemeral).toBe(true);
    expect(followup.flags! & 64).toBe(64);
    const file = followup.attachments[0]!;
    expect(file.filename).toBe(`projects-${year}.csv`);
    const [header, ...rows] = parseCsv(s.standin.attachmentData(file)!.toString('utf8'));
    expect(header).toHaveLength(9);
    expect(header![1]).toBe(locale === 'ko' ? '사업명' : 'Project');
    const names = listedNames(reply);
    expect(names.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[1])).toEqual(names);
    for (const row of rows) {
      expect(row[0]).toBe(String(year));
      expect(row[8]).toMatch(/^https?:\/\//);
    }
  });

  it.each([
    ['help', 'ko'],
    ['sources', 'en-US'],
  ])('/%s says what the knowledge covers: the years known and the newest source', async (command, locale) => {
    const { editions, newestSource } = knowledgeAsOf(realEngine().kb);
    const reply = message(await s.standin.sendCommand(command, {}, { locale }).waitForFinal());
    const line = descriptionOf(reply)
      .split('\n')
      .find((l) => l.includes(newestSource!));
    expect(line).toBeDefined();
    for (const year of editions) expect(line).toContain(String(year));
  });

  it('attaches no file unless asked', async () => {
    const handle = s.standin.sendCommand('projects', { year: 2021 }, { locale: 'ko' });
    await handle.waitForFinal();
    await expect(handle.waitForFollowup(undefined, 500)).rejects.toThrow();
  });
});
