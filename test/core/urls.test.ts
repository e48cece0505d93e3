import { describe, expect, it } from 'vitest';
import { seededRandom } from '../helpers/random.js';
import { blogUrl, defaultBlogLinks } from '../../src/core/blog-links.js';
import type { TagEntry } from '../../src/core/content-index.js';
import { resolveLink, resolveUrl } from '../../src/core/urls.js';

const SITE = 'https://blog.example';

// RFC 3986's http(s) URI, strictly: `scheme://[userinfo@]host[:port]path-abempty[?query][#fragment]`.
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|${PCT})`;
const HOST = `(?:\\[[0-9A-Fa-f:.]+\\]|(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|${PCT})*)`;
const USERINFO = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|${PCT})*`;
const RFC3986_HTTP = new RegExp(
  `^https?://(?:${USERINFO}@)?${HOST}(?::\\d*)?(?:/${PCHAR}*)*(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);

/** What a browser asks for: host, and path, query and fragment with their percent-encoding undone. */
function resource(url: string): string[] {
  const { host, pathname, search, hash } = new URL(url);
  return [host, ...[pathname, search, hash].map(decodeURIComponent)];
}

/** The address made of `value`, failing the test when there is none. */
function uri(value: string, site: string | undefined = SITE): string {
  const made = resolveUrl(value, site);
  if (made === undefined) throw new Error(`no address for ${value}`);
  expect(made).toMatch(RFC3986_HTTP);
  return made;
}

describe('resolveUrl makes RFC 3986 URIs', () => {
  it('GIVEN a path in other scripts THEN percent-encodes it, the same resource', () => {
    const written = 'https://example.com/blog/émigré/寻找导师';
    expect(uri(written)).toBe(
      'https://example.com/blog/%C3%A9migr%C3%A9/%E5%AF%BB%E6%89%BE%E5%AF%BC%E5%B8%88',
    );
    expect(resource(uri(written))).toEqual(resource(written));
  });

  it('GIVEN an IDN host and a `|` THEN the host is punycode and the `|` encoded', () => {
    expect(uri('https://例え.jp/a|b')).toBe('https://xn--r8jz45g.jp/a%7Cb');
    expect(resource(uri('https://例え.jp/a|b'))).toEqual(resource('https://例え.jp/a|b'));
  });

  it('GIVEN a query with | { } ^ and a backquote THEN encodes them', () => {
    expect(uri('https://a.example/x?q=|{}^`&r=1')).toBe('https://a.example/x?q=%7C%7B%7D%5E%60&r=1');
  });

  it('GIVEN a %20 already there THEN does not encode it again', () => {
    expect(uri('https://a.example/with%20space/and more?q=a%20b')).toBe(
      'https://a.example/with%20space/and%20more?q=a%20b',
    );
  });

  it('GIVEN a % that starts no %XX THEN it is %25, a literal percent sign', () => {
    expect(uri('https://a.example/100%/x?p=5%')).toBe('https://a.example/100%25/x?p=5%25');
  });

  it('GIVEN a fragment THEN keeps it, with what a fragment may not hold encoded', () => {
    expect(uri('https://a.example/x#tips')).toBe('https://a.example/x#tips');
    expect(uri('https://a.example/x#naïve#[1]')).toBe('https://a.example/x#na%C3%AFve%23%5B1%5D');
    expect(resource(uri('https://a.example/x#naïve'))).toEqual(resource('https://a.example/x#naïve'));
  });

  it('GIVEN a path relative to a site with an IDN host THEN the whole address is a URI', () => {
    expect(uri('/blog/émigré|x', 'https://例え.jp/sub')).toBe(
      'https://xn--r8jz45g.jp/sub/blog/%C3%A9migr%C3%A9%7Cx',
    );
    expect(uri('//cdn.例え.jp/ä^')).toBe('https://cdn.xn--r8jz45g.jp/%C3%A4%5E');
  });

  it('GIVEN a BLOG_URL or tag page with such characters THEN blogUrl gives a URI', () => {
    const links = { ...defaultBlogLinks('https://例え.jp'), blog: '/blog|all/' };
    expect(blogUrl(links)).toBe('https://xn--r8jz45g.jp/blog%7Call/');
    const tag: TagEntry = { label: 'C{++}|x', key: 'c{++}|x', articles: [] };
    const tagLinks = { ...defaultBlogLinks(SITE), tag: '/tags/:tag/' };
    expect(blogUrl(tagLinks, tag)).toMatch(RFC3986_HTTP);
    expect(decodeURIComponent(blogUrl(tagLinks, tag) ?? '')).toBe('https://blog.example/tags/C{++}|x/');
  });

  it('GIVEN a host no URI can name THEN gives no address', () => {
    expect(resolveUrl('https://a{b.example/x', undefined)).toBeUndefined();
  });

  it('GIVEN an address it made THEN making it again changes nothing', () => {
    const made = uri('https://例え.jp/a b|c/%20/100%?q=[x]#f#g');
    expect(resolveUrl(made, undefined)).toBe(made);
  });
});

/** Code point ranges a path may be written with: ASCII punctuation, Latin, CJK, emoji, controls, a lone surrogate. */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0x20, 0x7e],
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x4e00, 0x9fff],
  [0x1f300, 0x1faff],
  [0xd800, 0xdfff],
  [0xfff0, 0xffff],
];

function randomPath(next: () => number): string {
  const length = 1 + Math.floor(next() * 24);
  let path = '';
  for (let i = 0; i < length; i++) {
    const [from, to] = RANGES[Math.floor(next() * RANGES.length)] ?? [0x61, 0x7a];
    path += String.fromCodePoint(from + Math.floor(next() * (to - from + 1)));
  }
  return path;
}

describe('resolveUrl on random Unicode paths', () => {
  it('GIVEN 2000 paths, absolute and relative THEN each address is an RFC 3986 URI for the same resource', () => {
    const next = seededRandom(31);
    for (let i = 0; i < 2000; i++) {
      const path = randomPath(next);
      for (const written of [`https://blog.example/${path}`, `/${path}`, path]) {
        const made = resolveUrl(written, SITE);
        if (made === undefined) continue;
        expect(made, JSON.stringify(written)).toMatch(RFC3986_HTTP);
        // Twice is once: nothing already encoded is encoded again.
        expect(resolveUrl(made, SITE)).toBe(made);
        // What URL makes of it as written (a browser's request) is the same resource. A `%` written
        // in it may start no UTF-8 (`%C3x`), which has no decoded form to compare.
        // A path from `/` is on the site as resolveUrl places it (see there).
        const asked = /^\/(?!\/)/.test(written) ? SITE + written : written;
        if (!written.includes('%'))
          expect(resource(made), JSON.stringify(written)).toEqual(resource(new URL(asked, `${SITE}/`).href));
      }
    }
  });
});

describe('resolveLink: a link in an article', () => {
  it("GIVEN a link from the site's root that starts with SITE_URL's own path THEN it is on the host as written, not under the path again", () => {
    const site = 'https://samwrites.example/blog';
    expect(resolveLink('/blog/about/', site)).toBe('https://samwrites.example/blog/about/');
    expect(resolveLink('/blog', `${site}/`)).toBe('https://samwrites.example/blog');
    expect(resolveLink('/blog?x=1', site)).toBe('https://samwrites.example/blog?x=1');
    // Any other path from the root is on SITE_URL, as documented; so are a site without a path's.
    expect(resolveLink('/feed.xml', site)).toBe('https://samwrites.example/blog/feed.xml');
    expect(resolveLink('/blogroll/', site)).toBe('https://samwrites.example/blog/blogroll/');
    expect(resolveLink('/about/', 'https://samwrites.example')).toBe('https://samwrites.example/about/');
    expect(resolveLink('about/', site)).toBe(resolveUrl('about/', site));
    expect(resolveLink('//cdn.example/x.png', site)).toBe(resolveUrl('//cdn.example/x.png', site));
    expect(resolveLink('/blog/about/', undefined)).toBeUndefined();
  });
});
