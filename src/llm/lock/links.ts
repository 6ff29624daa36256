/**
 * Links in a rewording: every URL and every domain-like token ("something-egov.xyz/login",
 * "zdnet.co.kr.egov-check.site") must be a source of the answer, or a link its template already writes.
 */
import { findAllMatches } from '../facts/findAllMatches.js';
import { blankSpans, matchSpans } from '../facts/looseText.js';

const FULL_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu;
/** Dot-separated labels ending in a letter label of two or more: example.com, a.b.co.kr/path. */
const DOMAIN_LIKE =
  /(?<![\p{L}\p{N}_-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z](?![\p{L}\p{N}_-])(?:[/?#][^\s<>"')\]]*)?/giu;

/** The links an answer may carry: normalised URLs and their hosts. */
export interface AllowedLinks {
  readonly urls: ReadonlySet<string>;
  readonly hosts: ReadonlySet<string>;
}

function normalizeUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/[.,;:!?'"»>)\]}]+$/u, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//u, '')
    .replace(/^www\./u, '')
    .replace(/\/+$/u, '');
}

function hostOf(normalized: string): string {
  return normalized.split(/[/?#]/u)[0] ?? normalized;
}

function findLinkMatches(prepared: string): RegExpExecArray[] {
  // Most texts have neither "://", "www." nor a dot between letters: skip the slower patterns then.
  if (!/:\/\/|www\.|[a-z0-9-]\.[a-z]/iu.test(prepared)) return [];
  const full = findAllMatches(prepared, FULL_URL);
  const bare = findAllMatches(blankSpans(prepared, matchSpans(full)), DOMAIN_LIKE);
  return [...full, ...bare].sort((a, b) => a.index - b.index);
}

/** Every link-like token of a text, normalised, in reading order. */
export function collectLinks(prepared: string): string[] {
  return findLinkMatches(prepared)
    .map((m) => normalizeUrl(m[0]))
    .filter((url) => url !== '');
}

/** The text with every link blanked (offsets kept): a URL's path is not wording. */
export function blankLinks(prepared: string): string {
  return blankSpans(prepared, matchSpans(findLinkMatches(prepared)));
}

/** The sources' URLs and the template's own links, with their hosts. */
export function indexAllowedLinks(sourceUrls: readonly string[], templatePrepared: string): AllowedLinks {
  const urls = new Set([...sourceUrls.map(normalizeUrl), ...collectLinks(templatePrepared)]);
  return { urls, hosts: new Set([...urls].map(hostOf)) };
}

/** The first link of the rewording that the answer does not carry, or null. */
export function findNewLink(candidatePrepared: string, allowed: AllowedLinks): string | null {
  for (const link of collectLinks(candidatePrepared)) {
    const isHostOnly = !/[/?#]/u.test(link);
    if (!(allowed.urls.has(link) || (isHostOnly && allowed.hosts.has(link)))) return link;
  }
  return null;
}
