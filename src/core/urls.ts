import { DISCORD_LIMITS } from './limits.js';

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  // canParse first: a thrown TypeError costs tens of microseconds, and relative paths are common.
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * Resolves an address from an article against the site's base URL.
 * Returns undefined when it is relative and there is no base, or when the result is not http(s).
 */
export function resolveUrl(value: string, siteUrl: string | undefined): string | undefined {
  // As written, but spaces (`[x](<https://a.example/with space>)`), which would end a Markdown link.
  if (isHttpUrl(value)) return value.replace(/\s/g, encodeURIComponent);
  if (value.startsWith('//')) return protocolRelative(value, siteUrl);
  if (siteUrl === undefined) return undefined;
  const base = siteUrl.replace(/\/+$/, '');
  // "/blog/x" is relative to SITE_URL itself, so that a site under a sub-path keeps it.
  const [input, against] = value.startsWith('/') ? [base + value, undefined] : [value, `${base}/`];
  if (!URL.canParse(input, against)) return undefined;
  const resolved = new URL(input, against).href;
  return isHttpUrl(resolved) ? resolved : undefined;
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
  return isIp || isDomain ? url.href : undefined;
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
 * An article's address as the bot may send it: undefined when it is over the link button's limit
 * once encoded (the smallest place it goes), so that a reply goes out unlinked rather than refused.
 * `content:check` says which posts that leaves unlinked (see unlinkedNotes).
 */
export function sendableUrl(url: string | undefined): string | undefined {
  return url !== undefined && encodedLength(url) <= DISCORD_LIMITS.linkUrl ? url : undefined;
}
