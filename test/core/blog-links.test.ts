import { describe, expect, it } from 'vitest';
import { blogUrl, defaultBlogLinks, unknownTagUrlTokens } from '../../src/core/blog-links.js';
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

  it('GIVEN a tag only categories name THEN the blog itself: the tag pages do not list it', () => {
    const links = { siteUrl: SITE, blog: '/posts/', tag: '/tags/:tagslug/' };
    expect(blogUrl(links, { ...tag('Career'), categoryOnly: true })).toBe('https://blog.example/posts/');
    expect(blogUrl(links, tag('Career'))).toBe('https://blog.example/tags/career/');
  });

  it("GIVEN Hugo's tag pages THEN :tagslug is the tag as Hugo makes its path", () => {
    const links = { siteUrl: SITE, blog: '/posts/', tag: '/tags/:tagslug/' };
    expect(blogUrl(links)).toBe('https://blog.example/posts/');
    expect(blogUrl(links, tag('Engineering Leadership'))).toBe(
      'https://blog.example/tags/engineering-leadership/',
    );
    expect(blogUrl(links, tag('C++ & Rust'))).toBe('https://blog.example/tags/c++-rust/');
    expect(blogUrl(links, tag('Führung'))).toBe('https://blog.example/tags/f%C3%BChrung/');
    // Hugo keeps `.`, `_`, `+` and `#` (escaped, or it would be a fragment), drops `'`, keeps marks.
    const hugo = (label: string) => blogUrl(links, tag(label))?.replace('https://blog.example/tags/', '');
    expect(['node.js', 'C++', 'C#', 'dev_ops', "What's new", 'CI/CD'].map(hugo)).toEqual([
      'node.js/',
      'c++/',
      'c%23/',
      'dev_ops/',
      'whats-new/',
      'ci/cd/',
    ]);
    expect(hugo('हिन्दी')).toBe(`${encodeURIComponent('हिन्दी')}/`);
    expect(hugo('  --Engineering   Leadership!! ')).toBe('--engineering-leadership/');
  });

  it("GIVEN jekyll-archives' tag pages THEN :tagslugify is the tag as Jekyll's default slugify makes it", () => {
    const links = { siteUrl: SITE, blog: '/blog/', tag: '/tag/:tagslugify/' };
    const jekyll = (label: string) => blogUrl(links, tag(label))?.replace('https://blog.example/tag/', '');
    expect(['node.js', 'C++', 'C#', 'dev_ops', "What's new", 'Engineering Leadership'].map(jekyll)).toEqual([
      'node-js/',
      'c/',
      'c/',
      'dev-ops/',
      'what-s-new/',
      'engineering-leadership/',
    ]);
    // Letters and marks of any script are kept, not split at each mark.
    expect(jekyll('हिन्दी')).toBe(`${encodeURIComponent('हिन्दी')}/`);
    expect(jekyll('  --Engineering   Leadership!! ')).toBe('engineering-leadership/');
  });

  it('GIVEN a tag the rule leaves nothing of THEN the blog itself, not an empty segment', () => {
    expect(blogUrl({ siteUrl: SITE, blog: '/blog/', tag: '/tags/:tagslug/' }, tag('!!!'))).toBe(
      'https://blog.example/blog/',
    );
    expect(blogUrl({ siteUrl: SITE, blog: '/blog/', tag: '/tag/:tagslugify/' }, tag('+'))).toBe(
      'https://blog.example/blog/',
    );
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

  it('GIVEN a pattern THEN only :tag, :tagslug and :tagslugify are tokens (a port is none)', () => {
    expect(unknownTagUrlTokens('/tags/:tagslug/?from=:tag&j=:tagslugify')).toEqual([]);
    expect(unknownTagUrlTokens('http://localhost:8080/tags/:name/')).toEqual([':name']);
  });
});
