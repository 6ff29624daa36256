import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Edition } from '../../src/knowledge/parse.js';

const kb = loadKnowledge();
const edition = (year: number): Edition => kb.editions.find((e) => e.year === year)!;
const project = (year: number, id: string) => edition(year).projects.find((p) => p.id === id)!;

const NEW_2022 = [
  'unified-address-system',
  'small-merchant-platform',
  'overseas-mission-info',
  'integrated-call-center',
];
const CONTINUING_2022 = ['national-secretary', 'digital-evidence', 'spatial-data-platform'];
/** Topics only the 2022 edition has; every other 2022 topic reuses a 2021 id for the same concept. */
const ONLY_2022_TOPICS = ['briefing-left-out', 'graded-scoring', 'graded-scoring-detail'];

describe('the knowledge base by edition', () => {
  it('loads the 2021 and 2022 editions, oldest first, each record stamped with its year', () => {
    expect(kb.editions.map((e) => e.year)).toEqual([2021, 2022]);
    expect(edition(2022).announced).toBe('2022-02-09');
    for (const e of kb.editions) {
      expect(new Set(e.projects.map((p) => p.edition))).toEqual(new Set([e.year]));
      expect(new Set(e.topics.map((t) => t.edition))).toEqual(new Set([e.year]));
    }
  });

  it('counts the 2022 program as 11 projects: 7 named and 4 unnamed, 694억원', () => {
    const { program, projects } = edition(2022);
    expect(program.projectCount).toMatchObject({ value: 11, confidence: 'confirmed' });
    expect(projects).toHaveLength(7);
    expect(program.unnamedProjects).toMatchObject({ slots: 4, confidence: 'not_found' });
    expect(projects.length + program.unnamedProjects.slots).toBe(program.projectCount.value);
    expect(program.totalBudget.value).toMatchObject({ krw: 69_400_000_000, ko: '694억원' });
  });

  it('names the 4 new 2022 projects with the agencies the sources give', () => {
    const fresh = edition(2022).projects.filter((p) => p.isNew.value === true);
    expect(fresh.map((p) => p.id).sort()).toEqual([...NEW_2022].sort());
    expect(project(2022, 'unified-address-system').leadAgency.confidence).toBe('not_found');
    expect(project(2022, 'small-merchant-platform').leadAgency.value?.ko).toBe('중소벤처기업부');
    expect(project(2022, 'overseas-mission-info').leadAgency.value?.ko).toBe('외교부');
    expect(project(2022, 'integrated-call-center').leadAgency.value?.ko).toBe('국민권익위원회');
    for (const id of NEW_2022.filter((i) => i !== 'unified-address-system'))
      expect(project(2022, id).phase.value).toBe(1);
  });

  it.each(CONTINUING_2022)('%s keeps its id: phase 2 in 2021, phase 3 in 2022', (id) => {
    expect(project(2021, id).phase.value).toBe(2);
    expect(project(2022, id).phase).toMatchObject({ value: 3, confidence: 'confirmed' });
    expect(project(2022, id).isNew.value).toBe(false);
  });

  it('confirms the spatial-data project in 2022 while 2021 stays inferred', () => {
    expect(project(2021, 'spatial-data-platform').membership.confidence).toBe('inferred');
    expect(project(2022, 'spatial-data-platform').membership.confidence).toBe('confirmed');
  });

  it('knows no 2022 per-project budget and not which project the briefing left out', () => {
    for (const p of edition(2022).projects) {
      expect(p.budget).toMatchObject({ value: null, confidence: 'not_found' });
      expect(p.briefed).toMatchObject({ value: null, confidence: 'not_found' });
      expect(p.briefed.note?.en).toContain('10 of the 11');
    }
  });

  it('reuses the 2021 topic ids for the same concepts, so an edition can be swapped by id', () => {
    const ids2021 = new Set(edition(2021).topics.map((t) => t.id));
    const extra = edition(2022)
      .topics.map((t) => t.id)
      .filter((id) => !ids2021.has(id));
    expect(extra).toEqual(ONLY_2022_TOPICS);
    // The 2021 comparison topics stay in the 2021 edition only.
    expect(edition(2022).topics.some((t) => t.id.startsWith('compare-'))).toBe(false);
  });

  it('records the 2022 quote and pre-registered questions as confirmed, where 2021 has them unknown', () => {
    const topic = (year: number, id: string) => edition(year).topics.find((t) => t.id === id)!;
    for (const id of ['seo-boram-quote', 'briefing-questions']) {
      expect(topic(2021, id).unknown).toBe(true);
      expect(topic(2022, id).unknown).toBe(false);
      expect(topic(2022, id).statements[0]!.confidence).toBe('confirmed');
    }
    expect(topic(2022, 'seo-boram-quote').statements[0]!.text.ko).toContain(
      '국민이 체감할 수 있는 수요자 중심의 지능형 서비스를 제공하기 위해 노력하고 있다',
    );
    expect(topic(2022, 'briefing-when').statements[0]!.facts).toEqual(
      expect.arrayContaining(['2022-02-10', '14:00']),
    );
    expect(topic(2022, 'known-budgets').unknown).toBe(true);
  });

  it('keeps the disaster-resources system out of the 2021 program', () => {
    const topic = edition(2021).topics.find((t) => t.id === 'not-in-program')!;
    expect(topic.statements[0]!.text.ko).toContain('재난관리자원 통합관리시스템');
    expect(kb.projects.some((p) => p.name.ko.includes('재난관리자원'))).toBe(false);
  });
});
