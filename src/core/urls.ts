import { kept } from './kept.js';
import { DISCORD_LIMITS } from './limits.js';

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  // canParse first: a thrown TypeError costs tens of microseconds, and relative paths are common.
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * Resolves an address from an article against the site's base URL, as a URI (see asUri): every
 * address the bot links to, in a payload's `url` or a Markdown link, is made here.
 * Returns undefined when it is relative and there is no base, or when the result is not http(s).
 */
export function resolveUrl(value: string, siteUrl: string | undefined): string | undefined {
  if (isHttpUrl(value)) {
    // As written when it is a URI already (`https://ci`, no `/` added). A space is made %20 by URL
    // (`[x](<https://a.example/with space>)`), which drops a line break or tab, as a browser does.
    return HTTP_URI.test(value) ? value : asUri(new URL(value));
  }
  if (value.startsWith('//')) return protocolRelative(value, siteUrl);
  if (siteUrl === undefined) return undefined;
  const base = siteUrl.replace(/\/+$/, '');
  // "/blog/x" is relative to SITE_URL itself, so that a site under a sub-path keeps it.
  const [input, against] = value.startsWith('/') ? [base + value, undefined] : [value, `${base}/`];
  if (!URL.canParse(input, against)) return undefined;
  const resolved = new URL(input, against);
  return isHttpUrl(resolved.href) ? asUri(resolved) : undefined;
}

/**
 * A link's address in an article (see resolveUrl), but one from the site's root that already starts
 * with SITE_URL's own path (`/blog/about/` on `https://x.example/blog`, as a post on a site under a
 * path writes its links) is on SITE_URL's host as written, not under that path again.
 */
export function resolveLink(value: string, siteUrl: string | undefined): string | undefined {
  if (siteUrl === undefined || !value.startsWith('/') || value.startsWith('//'))
    return resolveUrl(value, siteUrl);
  const base = URL.canParse(siteUrl) ? new URL(siteUrl) : undefined;
  // Percent-encoded as URL keeps it, or as a link may write it (`/café/`).
  const encoded = base?.pathname.replace(/\/+$/, '') ?? '';
  const own = [encoded, safeDecode(encoded)].some((path) => {
    const next = value[path.length];
    return path !== '' && value.startsWith(path) && (next === undefined || '/?#'.includes(next));
  });
  return own && base !== undefined ? resolveUrl(value, base.origin) : resolveUrl(value, siteUrl);
}

/** An http(s) URI as RFC 3986 writes one (its pieces as below), host and all. */
const HTTP_URI =
  /^https?:\/\/(?:(?:[\w\-.~!$&'()*+,;=:]|%[\dA-Fa-f]{2})*@)?(?:\[[\dA-Fa-f:.]+\]|(?:[\w\-.~!$&'()*+,;=]|%[\dA-Fa-f]{2})*)(?::\d*)?(?:\/(?:[\w\-.~!$&'()*+,;=:@]|%[\dA-Fa-f]{2})*)*(?:\?(?:[\w\-.~!$&'()*+,;=:@/?]|%[\dA-Fa-f]{2})*)?(?:#(?:[\w\-.~!$&'()*+,;=:@/?]|%[\dA-Fa-f]{2})*)?$/i;

/** RFC 3986's reg-name, IPv4 address or IP-literal: what a host may be in a URI. */
const URI_HOST = /^(?:[A-Za-z\d\-._~!$&'()*+,;=]*|\[[\dA-Fa-f:.]+\])(?::\d*)?$/;
/** What a path may hold unencoded besides `%XX`: pchar and `/`. */
const PATH_CHARS = /[A-Za-z\d\-._~!$&'()*+,;=:@/]/;
/** What a query or fragment may hold unencoded besides `%XX`: pchar, `/` and `?`. */
const QUERY_CHARS = /[A-Za-z\d\-._~!$&'()*+,;=:@/?]/;
/** What a user name or password may hold unencoded besides `%XX`. */
const USER_CHARS = /[A-Za-z\d\-._~!$&'()*+,;=]/;

/**
 * `url` as an RFC 3986 URI, ASCII only, as Discord's `format: "uri"` fields take it: the host in
 * punycode and the rest percent-encoded by URL, then what URL leaves as written (`|`, `^`, `{`, a
 * backquote, `[` in a path, `#` in a fragment, a `%` that starts no `%XX`) encoded too; a `%XX`
 * already there stays, so a browser asks for the same resource. Undefined for a host no URI can
 * name (`a{b.example`, which URL accepts).
 */
function asUri(url: URL): string | undefined {
  if (!URI_HOST.test(url.host)) return undefined;
  const user =
    url.username === '' && url.password === ''
      ? ''
      : `${encodeOutside(url.username, USER_CHARS)}${url.password === '' ? '' : `:${encodeOutside(url.password, USER_CHARS)}`}@`;
  const query = url.search === '' ? '' : `?${encodeOutside(url.search.slice(1), QUERY_CHARS)}`;
  const fragment = url.hash === '' ? '' : `#${encodeOutside(url.hash.slice(1), QUERY_CHARS)}`;
  // `?` and `#` alone (an empty query or fragment), which search and hash leave out, are kept.
  const href = url.href;
  const emptyQuery = url.search === '' && /^[^#]*\?(?:#|$)/.test(href) ? '?' : '';
  const emptyFragment = url.hash === '' && href.endsWith('#') ? '#' : '';
  return `${url.protocol}//${user}${url.host}${encodeOutside(url.pathname, PATH_CHARS)}${query || emptyQuery}${fragment || emptyFragment}`;
}

/** `text` with each character outside `allowed` percent-encoded (UTF-8), `%XX` kept, a lone `%` made `%25`. */
function encodeOutside(text: string, allowed: RegExp): string {
  return text.replace(/%(?![\dA-Fa-f]{2})|[^%]/gu, (char) =>
    allowed.test(char) ? char : encodeURIComponent(char),
  );
}

/** A DNS name's label: letters, digits and inner hyphens (a host is IDNA-encoded by then). */
const DNS_LABEL = /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/;

/**
 * `//cdn.example/x` names another host, not a path on the site: it takes the site's scheme (https
 * without a site). Undefined unless the host is a domain name or an IP address: `///x` or `//-x/`
 * are no addresses a reader could follow.
 */
function protocolRelative(value: string, siteUrl: string | undefined): string | undefined {
  const scheme = siteUrl !== undefined && /^http:/i.test(siteUrl) ? 'http:' : 'https:';
  const input = scheme + value;
  // URL would read `///x.com` as a host too.
  if (/^\/\/[/\\]/.test(value) || !URL.canParse(input)) return undefined;
  const url = new URL(input);
  const { hostname } = url;
  const isIp = hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
  const labels = hostname.split('.');
  const isDomain = labels.length > 1 && labels.every((label) => DNS_LABEL.test(label));
  return isIp || isDomain ? asUri(url) : undefined;
}

/**
 * An address's length as Discord measures it: percent-encoded, as a browser sends it (`記` is
 * `%E8%A8%98`, nine), the host IDNA-encoded; an address written unencoded is counted both ways and
 * the longer kept, as either may be what Discord counts.
 */
export function encodedLength(url: string): number {
  const encoded = URL.canParse(url) ? new URL(url).href : url;
  return Math.max(encoded.length, Array.from(url).length);
}

/**
 * Whether an address fits Discord's limit once encoded: every answer with an article checks its
 * address, so what was measured is kept (a large blog's).
 */
const fitsLink = kept((url: string) => encodedLength(url) <= DISCORD_LIMITS.linkUrl, 16_384);

/**
 * An article's address as the bot may send it: undefined when it is over the link button's limit
 * once encoded (the smallest place it goes), so that a reply goes out unlinked rather than refused.
 * `content:check` says which posts that leaves unlinked (see unlinkedNotes).
 */
export function sendableUrl(url: string | undefined): string | undefined {
  return url !== undefined && fitsLink(url) ? url : undefined;
}

/** `text` percent-decoded, or as it is where it does not decode (a lone `%`). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
