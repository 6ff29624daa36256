/**
 * Links in a rewording: every URL and every domain-like token ("something-egov.xyz/login",
 * "zdnet.co.kr.egov-check.site") must be a source of the answer, or a link its template already writes.
 */
import { findAllMatches } from '../facts/findAllMatches.js';
import { blankSpans, matchSpans } from '../facts/looseText.js';

const FULL_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu;
/** Where a domain may be: a dot between a letter or digit and a letter. */
const DOT_IN_WORD = /[a-z0-9-]\.[a-z]/giu;
/** Dot-separated labels ending in a letter label of two or more: example.com, a.b.co.kr/path. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z]$/iu;

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

interface LinkMatch {
  readonly index: number;
  readonly text: string;
}

const isLabel = (char: string) => /[\p{L}\p{N}_.-]/u.test(char);
const isPath = (char: string) => char !== '' && !/[\s<>"')\]]/u.test(char);

/** Bare domains: around each dot inside a word, the whole run of label characters, if it is a domain. */
function findBareDomains(text: string): LinkMatch[] {
  const found: LinkMatch[] = [];
  let after = 0;
  for (const dot of text.matchAll(DOT_IN_WORD)) {
    if (dot.index < after) continue;
    let start = dot.index;
    while (start > 0 && isLabel(text.charAt(start - 1))) start -= 1;
    let end = dot.index + 1;
    while (end < text.length && isLabel(text.charAt(end))) end += 1;
    const host = text.slice(start, end).replace(/\.+$/u, '');
    after = end;
    if (!DOMAIN.test(host)) continue;
    let pathEnd = start + host.length;
    if (/[/?#]/u.test(text.charAt(pathEnd))) while (isPath(text.charAt(pathEnd))) pathEnd += 1;
    found.push({ index: start, text: text.slice(start, pathEnd) });
    after = pathEnd;
  }
  return found;
}

function findLinkMatches(prepared: string): LinkMatch[] {
  // Most texts have neither "://", "www." nor a dot between letters: skip the patterns then.
  if (!/:\/\/|www\.|[a-z0-9-]\.[a-z]/iu.test(prepared)) return [];
  const full = findAllMatches(prepared, FULL_URL);
  const bare = findBareDomains(blankSpans(prepared, matchSpans(full)));
  return [...full.map((m) => ({ index: m.index, text: m[0] })), ...bare].sort((a, b) => a.index - b.index);
}

/** Every link-like token of a text, normalised, in reading order. */
export function collectLinks(prepared: string): string[] {
  return findLinkMatches(prepared)
    .map((m) => normalizeUrl(m.text))
    .filter((url) => url !== '');
}

/** The text with every link blanked (offsets kept): a URL's path is not wording. */
export function blankLinks(prepared: string): string {
  return blankSpans(
    prepared,
    findLinkMatches(prepared).map((m) => [m.index, m.index + m.text.length] as const),
  );
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
