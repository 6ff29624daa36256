import { describe, expect, it } from 'vitest';
import { knowledgeAsOf, projectRows, rowsToCsv } from '../../src/core/projectTable.js';
import { realEngine } from '../support/engine.js';

const kb = realEngine().kb;

/** A CSV line split into cells (quoted cells may hold commas). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'))
    .slice(0, -1);
}

describe('the project table (CSV export)', () => {
  it('has one row per named project of the asked edition, the same projects /projects lists', () => {
    for (const year of [2021, 2022]) {
      const rows = projectRows(kb, 'ko', year);
      const listed = realEngine().listProjects({ year }, 'ko');
      expect(rows.map((r) => r.id)).toEqual([...listed.projects]);
    }
  });

  it('shows the facts, the not-found ones and the inferred marks as /projects does', () => {
    const rows = projectRows(kb, 'ko', 2021);
    const waste = rows.find((r) => r.id === 'waste-safety')!;
    expect(waste).toMatchObject({
      year: 2021,
      budget: '71억원',
      phase: '3차',
      isNew: '아니요',
      briefed: '예',
    });
    expect(waste.agency).toContain('환경부');
    const spatial = rows.find((r) => r.id === 'spatial-data-platform')!;
    expect(spatial.name).toContain('(추정)');
    expect(spatial.inferred).toContain('사업 포함 여부');
    expect(rows.find((r) => r.id === 'national-secretary')!.budget).toBe('출처에서 확인되지 않습니다');
    for (const row of rows) expect(row.sources.every((u) => u.startsWith('http'))).toBe(true);
  });

  it('writes RFC 4180 CSV with a header, a BOM for spreadsheets, and every row', () => {
    const rows = projectRows(kb, 'en');
    const csv = rowsToCsv(kb, rows, 'en');
    expect(
      csv.startsWith('\uFEFFYear,Project,Lead agency,Phase,Budget,New,Briefed,Inferred,Sources\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    // Latest edition first, every cell in place even where a name holds a comma.
    const first = cells(lines[1]!);
    expect(first).toHaveLength(9);
    expect(first[0]).toBe('2022');
    const secretary2021 = lines
      .map(cells)
      .find((c) => c[0] === '2021' && c[1]!.includes('National Secretary'))!;
    expect(secretary2021[1]).toBe('Intelligent "National Secretary" service, phase 2');
    expect(secretary2021[3]).toBe('2');
  });

  it('says which editions it knows and how recent its newest source is', () => {
    const asOf = knowledgeAsOf(kb);
    expect(asOf.editions).toEqual([2021, 2022]);
    // The newest dated source: the 2026-01-05 summary of the 2026 budget guideline (Addendum 2, E10).
    expect(asOf.newestSource).toBe('2026-01-05');
    expect(realEngine().answer({ text: 'help', today: '2026-11-30' }).text).toContain(
      'Knowledge as of: the 2021, 2022 programs',
    );
  });
});
