/** Today in Korea (the briefing's and the rules' time zone), as YYYY-MM-DD. */
// Building an Intl formatter costs far more than using one: build it once.
const KOREA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' });

let cached: { until: number; day: string } | null = null;

export function todayInKorea(now: Date = new Date()): string {
  // Formatting still costs a little on a busy bot: reuse the day for a minute.
  const time = now.getTime();
  if (cached !== null && time < cached.until && time >= cached.until - 60_000) return cached.day;
  const day = KOREA_DATE.format(now);
  // Never past midnight in Korea (UTC+9, no daylight saving), so the date is always right.
  const DAY = 86_400_000;
  const KST = 9 * 3_600_000;
  const nextMidnight = Math.floor((time + KST) / DAY) * DAY + DAY - KST;
  cached = { until: Math.min(time + 60_000, nextMidnight), day };
  return day;
}
