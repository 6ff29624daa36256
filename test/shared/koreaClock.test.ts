import { describe, expect, it } from 'vitest';
import { todayInKorea } from '../../src/shared/koreaClock.js';

describe('today in Korea', () => {
  it.each([
    [Date.UTC(2026, 10, 26, 14, 59, 59), '2026-11-26'],
    [Date.UTC(2026, 10, 26, 15, 0, 0), '2026-11-27'],
    [Date.UTC(2026, 10, 26, 14, 59, 30), '2026-11-26'],
    [Date.UTC(2021, 0, 20, 16, 0, 0), '2021-01-21'],
  ])('is right at %i, even with the minute cache, around midnight KST', (time, day) => {
    expect(todayInKorea(new Date(time))).toBe(day);
  });
});
