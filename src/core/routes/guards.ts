import { impossibleDate } from '../reading/readDate.js';
import { longest, type Route } from './route.js';

/** "2021년 2월 30일", "13월": a date that cannot be is said to be so, never read as another date. */
export const routeInvalidDate: Route = (b, _ctx, r) => {
  const date = impossibleDate(r.lowered, r.today);
  if (date?.kind !== 'invalid') return null;
  b.line(
    b.msg('rejected.invalidDate', {
      text: date.text,
      reason: b.msg(`date.${date.reason.replace(/ /g, '-')}`),
    }),
  );
  return b.build({ status: 'rejected', kind: 'rejected' });
};

/** Another ministry's program or an unrelated subject, with nothing of this knowledge base named. */
export const routeOutOfScope: Route = (b, _ctx, r) => {
  // The longest phrase wins: "재난관리자원 통합관리시스템도 디지털 뉴딜이야?" is about a topic we know.
  // A topic named by two required words ("설명회" + "언제") counts by its longest word alone.
  const topicWords = r.hits.topics.map((h) =>
    h.phrase.includes(' + ')
      ? { ...h, length: Math.max(...h.phrase.split(' + ').map((p) => p.replace(/\s/g, '').length)) }
      : h,
  );
  const ours = Math.max(longest(r.hits.projects), longest(r.hits.decisions), longest(topicWords));
  if (r.hits.outOfScope === 0 || r.hits.outOfScope <= ours) return null;
  b.line(b.msg('noMatch'));
  // "국민비서 알림 끄는 방법": the project named is reported, though how to use it is not known here.
  return b.build({ status: 'no_match', kind: 'no_match', projects: r.projectIds });
};
