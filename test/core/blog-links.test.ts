import { describe, expect, it } from 'vitest';
import { blogUrl, defaultBlogLinks, tagSlug, unknownTagUrlTokens } from '../../src/core/blog-links.js';
import type { TagEntry } from '../../src/core/content-index.js';

const tag = (label: string) => ({ label }) as TagEntry;
const SITE = 'https://blog.example';

describe('the blog links of /articles and /search', () => {
  it('GIVEN the defaults THEN the blog is /blog and a tag its query, as before', () => {
    const links = defaultBlogLinks(SITE);
    expect(blogUrl(links)).toBe('https://blog.example/blog');
    expect(blogUrl(links, tag('Engineering Leadership'))).toBe(
      'https://blog.example/blog?tag=Engineering%20Leadership',
    );
  });

  it("GIVEN Hugo's tag pages THEN :tagslug is the tag as Hugo makes its path", () => {
    const links = { siteUrl: SITE, blog: '/posts/', tag: '/tags/:tagslug/' };
    expect(blogUrl(links)).toBe('https://blog.example/posts/');
    expect(blogUrl(links, tag('Engineering Leadership'))).toBe(
      'https://blog.example/tags/engineering-leadership/',
    );
    expect(blogUrl(links, tag('C++ & Rust'))).toBe('https://blog.example/tags/c-rust/');
    expect(blogUrl(links, tag('Führung'))).toBe('https://blog.example/tags/f%C3%BChrung/');
  });

  it('GIVEN no tag pages (TAG_URL=none) THEN a tag links to the blog itself', () => {
    const links = { siteUrl: SITE, blog: '/', tag: undefined };
    expect(blogUrl(links, tag('career'))).toBe('https://blog.example/');
  });

  it('GIVEN no SITE_URL THEN paths give no link, full addresses still do', () => {
    expect(blogUrl(defaultBlogLinks(undefined), tag('career'))).toBeUndefined();
    expect(
      blogUrl(
        { siteUrl: undefined, blog: 'https://x.example/', tag: 'https://x.example/t/:tag' },
        tag('a b'),
      ),
    ).toBe('https://x.example/t/a%20b');
  });

  it('GIVEN a pattern THEN only :tag and :tagslug are tokens (a port is none)', () => {
    expect(unknownTagUrlTokens('/tags/:tagslug/?from=:tag')).toEqual([]);
    expect(unknownTagUrlTokens('http://localhost:8080/tags/:name/')).toEqual([':name']);
    expect(tagSlug('  --Engineering   Leadership!! ')).toBe('engineering-leadership');
  });
});
