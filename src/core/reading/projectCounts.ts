/** "19 projects", "19개 사업", "열두 개": a count of projects the question states. */
export function projectCountsIn(lowered: string): number[] {
  return [
    ...lowered.matchAll(/(\d+)\s*(?:개\s*(?:의\s*)?(?:사업|과제)|(?:e-?gov\s+)?(?:support\s+)?projects?)/gu),
    ...lowered.matchAll(/(?:사업|과제)(?:는|은|가|이)?\s*(\d+)\s*개/gu),
  ]
    .map((m) => Number(m[1]))
    .filter((n) => n < 1000); // "a 2021 project" names a year, not a count
}
