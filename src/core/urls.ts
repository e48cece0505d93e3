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
  if (isHttpUrl(value)) return value;
  if (siteUrl === undefined) return undefined;
  const base = siteUrl.replace(/\/+$/, '');
  // "/blog/x" is relative to SITE_URL itself, so that a site under a sub-path keeps it.
  const [input, against] = value.startsWith('/') ? [base + value, undefined] : [value, `${base}/`];
  if (!URL.canParse(input, against)) return undefined;
  const resolved = new URL(input, against).href;
  return isHttpUrl(resolved) ? resolved : undefined;
}
