/**
 * The blog's own address, as its configuration gives it (Hugo's `baseURL`, Jekyll's `url` and
 * `baseurl`): what SITE_URL is taken as when it is unset, so that a blog's posts are linked without
 * another setting.
 */

/** Where a site's address came from, as a note names it (`hugo.toml baseURL`), and the address. */
export interface SiteAddress {
  /** An http(s) address without a trailing slash, as SITE_URL is read. */
  readonly url: string;
  readonly setting: string;
}

/**
 * Hosts no blog is published at: a generator's placeholder (`hugo new site` writes
 * `https://example.org/`), a name reserved for examples and tests (RFC 2606: `.example`, `.test`,
 * `.invalid`, `.localhost`), or a machine's own, where a theme's preview builds it.
 */
const NOT_PUBLISHED =
  /^(?:127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|(?:.+\.)?example\.(?:com|org|net)|(?:.+\.)?(?:localhost|example|test|invalid))$/i;

/**
 * The address `url` names, with the path `baseurl` (Jekyll's, `/blog`) after it: an absolute http(s)
 * address of a host a blog is published at; else undefined (none, a path alone as Hugo's `/`, a
 * placeholder).
 */
export function siteAddressOf(url: unknown, baseurl?: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol) || NOT_PUBLISHED.test(parsed.hostname)) return undefined;
  if (!isBareAddress(url.trim())) return undefined;
  const base = typeof baseurl === 'string' ? baseurl.trim().replace(/^\/+|\/+$/g, '') : '';
  const joined = `${parsed.href.replace(/\/+$/, '')}${base === '' ? '' : `/${base}`}`;
  try {
    const address = new URL(joined);
    // A baseurl with `?` or `#` would put every path after a query or a fragment.
    if (!isBareAddress(joined)) return undefined;
    return address.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Whether an address is one paths can be added to: no query or fragment, even an empty one (`/?`,
 * `/#`, which URL drops from `search` and `hash`), nor a user name or password.
 */
export function isBareAddress(address: string): boolean {
  try {
    const { username, password } = new URL(address);
    return !/[?#]/.test(address) && username === '' && password === '';
  } catch {
    return false;
  }
}
