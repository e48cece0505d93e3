/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Resolves an address from an article against the site's base URL.
 * Returns undefined when it is relative and there is no base, or when the result is not http(s).
 */
export function resolveUrl(value: string, siteUrl: string | undefined): string | undefined {
  if (isHttpUrl(value)) return value;
  if (siteUrl === undefined) return undefined;
  const base = siteUrl.replace(/\/+$/, '');
  try {
    // "/blog/x" is relative to SITE_URL itself, so that a site under a sub-path keeps it.
    const resolved = (value.startsWith('/') ? new URL(base + value) : new URL(value, `${base}/`)).href;
    return isHttpUrl(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
