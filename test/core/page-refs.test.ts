import { assert, describe, expect, it } from 'vitest';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { buildIndex } from '../../src/core/content-index.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { fieldText } from '../../src/core/article-search.js';
import {
  REF_LINK_START,
  refMark,
  refResolver,
  refTarget,
  resolvePageRefs,
} from '../../src/core/page-refs.js';
import { renderSectionView } from '../../src/core/render/section.js';
import { renderTip } from '../../src/core/render/tip.js';
import { mustParse } from '../helpers/articles.js';

describe('refTarget', () => {
  it("GIVEN Hugo's ref and relref, Jekyll's post_url and link THEN the path each names; any other tag none", () => {
    expect(refTarget('{{< ref "posts/b.md" >}}')).toBe('posts/b.md');
    expect(refTarget('{{% relref `b.md#why` %}}')).toBe('b.md#why');
    expect(refTarget('{{<ref b>}}')).toBe('b');
    expect(refTarget('{%- post_url 2024-01-02-b -%}')).toBe('2024-01-02-b');
    expect(refTarget("{% link '_posts/2024-01-02-b.md' %}")).toBe('_posts/2024-01-02-b.md');
    for (const other of [
      '{{< ref "#why" >}}',
      '{{< ref "" >}}',
      '{{< figure src="x" >}}',
      '{{ site.url }}',
      '{% include x.html %}',
      '{{< ref path="b.md" >}}',
    ])
      expect(refTarget(other)).toBeUndefined();
  });
});

describe('resolvePageRefs', () => {
  const link = (text: string, target: string) => `[${REF_LINK_START}${text}](${refMark(target)})`;
  const addresses = new Map([['b', 'https://blog.example/b/']]);
  const addressOf = (target: string) => addresses.get(target);

  it('GIVEN links to posts by their files THEN those found link to their addresses, the others keep their text', () => {
    expect(
      resolvePageRefs(`See ${link('B', 'b')}, ${link('*gone*', 'x')} and [c](https://c.example).`, addressOf),
    ).toBe('See [B](https://blog.example/b/), *gone* and [c](https://c.example).');
  });

  it('GIVEN a path with spaces, brackets or a #part THEN it is read back whole', () => {
    const seen: string[] = [];
    resolvePageRefs(link('a', 'posts/a (draft) #1.md#part'), (target) => {
      seen.push(target);
      return 'https://blog.example/a_(b)/#part';
    });
    expect(seen).toEqual(['posts/a (draft) #1.md#part']);
    expect(resolvePageRefs(link('a', 'a'), () => 'https://blog.example/a_(b) c/')).toBe(
      '[a](https://blog.example/a_%28b%29%20c/)',
    );
  });

  it('GIVEN what a summary cut short leaves of such a link THEN no mark is left', () => {
    expect(resolvePageRefs(`Cut ${REF_LINK_START}short…`, addressOf)).toBe('Cut short…');
    expect(resolvePageRefs('Plain [a](https://a.example).', addressOf)).toBe('Plain [a](https://a.example).');
  });
});

describe('refResolver', () => {
  const posts = [
    { file: 'content/posts/b.md', url: 'https://blog.example/posts/b/' },
    { file: 'content/notes/b.md', url: 'https://blog.example/notes/b/' },
    { file: 'content/posts/bundle/index.md', url: 'https://blog.example/posts/bundle/' },
    {
      file: '/srv/blog/_posts/2024/2024-01-02-Jekyll-Post.markdown',
      url: 'https://blog.example/2024/jekyll/',
    },
    { file: 'content/posts/unlinked.md' },
  ];
  const resolve = refResolver(posts);

  it('GIVEN a path as Hugo and Jekyll take it THEN the post whose path ends so', () => {
    expect(resolve('posts/b.md', 'content/notes/x.md')).toBe('https://blog.example/posts/b/');
    expect(resolve('/notes/b', 'content/posts/x.md')).toBe('https://blog.example/notes/b/');
    expect(resolve('posts/bundle', 'content/x.md')).toBe('https://blog.example/posts/bundle/');
    expect(resolve('bundle/index.md#top', 'content/x.md')).toBe('https://blog.example/posts/bundle/#top');
    expect(resolve('2024-01-02-jekyll-post', '/srv/blog/_posts/x.md')).toBe(
      'https://blog.example/2024/jekyll/',
    );
    expect(resolve('_posts/2024/2024-01-02-Jekyll-Post.markdown', '/srv/blog/x.md')).toBe(
      'https://blog.example/2024/jekyll/',
    );
  });

  it('GIVEN a name two posts end with THEN the one nearest the linking post', () => {
    expect(resolve('b', 'content/notes/x.md')).toBe('https://blog.example/notes/b/');
    expect(resolve('b.md', 'content/posts/x.md')).toBe('https://blog.example/posts/b/');
  });

  it('GIVEN a relative path THEN the one file it names from the linking post, none when nothing is there', () => {
    expect(resolve('./b.md', 'content/notes/x.md')).toBe('https://blog.example/notes/b/');
    expect(resolve('../posts/b.md', 'content/notes/x.md')).toBe('https://blog.example/posts/b/');
    expect(resolve('./bundle/index.md', 'content/posts/x.md')).toBe('https://blog.example/posts/bundle/');
    expect(resolve('./bundle/index.md', 'content/notes/x.md')).toBeUndefined();
    expect(resolve('../../../../b.md', 'content/notes/x.md')).toBeUndefined();
  });

  it('GIVEN a path no post has, or one without an address THEN none', () => {
    expect(resolve('osts/b', 'content/x.md')).toBeUndefined();
    expect(resolve('unlinked', 'content/x.md')).toBeUndefined();
    expect(resolve('', 'content/x.md')).toBeUndefined();
  });
});

describe('a post linking to another by its file, searched', () => {
  it('GIVEN such a link in its summary THEN its text is searched, not the path it names', () => {
    const article = mustParse(
      '---\ntitle: A\n---\nStart with [delegation]({{< ref "posts/handing-off.md" >}}).\n',
    );
    expect(article.summary).not.toBe('Start with delegation.');
    expect(fieldText(article, 'summary')).toBe('Start with delegation.');
  });
});

describe('a long text linking to posts by their files, rendered', () => {
  it('GIVEN links whose addresses are longer than their marks THEN every message stays within Discord’s limits', () => {
    const long = 'x'.repeat(150);
    const links = Array.from({ length: 40 }, (_, i) => `[p${i}]({{< ref "p" >}})`).join(' ');
    const article = mustParse(
      `---\ntitle: A\n---\n## Tips\n\n- **One:** ${'word '.repeat(150)}${links}\n- ${links} ${'word '.repeat(700)}\n`,
      'content/posts/a.md',
    );
    const target = mustParse(
      `---\ntitle: P\nurl: https://blog.example/${long}/\n---\nP.\n`,
      'content/posts/p.md',
    );
    const { index } = buildIndex([article, target]);
    const linking = index.bySlug('a');
    assert(linking !== undefined);
    expect(linking.sections.tips?.items[0]?.text).toContain(`[p0](https://blog.example/${long}/)`);
    for (let page = 0; page < 4; page++) {
      const payload = renderSectionView({ kind: 'tips', scope: 'one', article: linking, page }, index);
      expect(messageLimitViolations(payload)).toEqual([]);
    }
    for (const tip of index.items('tips')) expect(messageLimitViolations(renderTip(tip))).toEqual([]);
  });
});

describe('what the diff review found', () => {
  const posts = [
    { file: 'content/posts/b.fr.md', url: 'https://blog.example/fr/posts/b/' },
    { file: 'content/posts/bun/index.fr.md', url: 'https://blog.example/fr/posts/bun/' },
    ...Array.from({ length: 3 }, (_, i) => ({
      file: `content/posts/x${i}/index.md`,
      url: `https://blog.example/posts/x${i}/`,
    })),
  ];
  const resolve = refResolver(posts);

  it('GIVEN a translation (b.fr.md, index.fr.md) THEN a link to b, b.md or the bundle finds it, as Hugo does', () => {
    for (const target of ['b', 'b.md', 'posts/b', './b.fr.md'])
      expect(resolve(target, 'content/posts/a.fr.md'), target).toBe('https://blog.example/fr/posts/b/');
    expect(resolve('bun', 'content/posts/a.fr.md')).toBe('https://blog.example/fr/posts/bun/');
    expect(resolve('posts/bun/index.md', 'content/posts/a.fr.md')).toBe('https://blog.example/fr/posts/bun/');
  });

  it('GIVEN a link to a bundle by its index.md THEN the bundle, found by its folder', () => {
    expect(resolve('../x1/index.md', 'content/posts/x0/index.md')).toBe('https://blog.example/posts/x1/');
    expect(resolve('x2/index.md#top', 'content/x.md')).toBe('https://blog.example/posts/x2/#top');
    expect(resolve('index.md', 'content/x.md')).toBeUndefined();
  });

  it('GIVEN a link with a title THEN it keeps its title when found, its text alone when not', () => {
    const titled = (title: string) =>
      `[${REF_LINK_START}a](${refMark('b')} ${title}) and [${REF_LINK_START}c](${refMark('none')} ${title})`;
    for (const title of ['"T"', "'T'", '(T)', '"a \\"q\\" b"'])
      expect(resolvePageRefs(titled(title), () => 'https://blog.example/b/')).toBe(
        `[a](https://blog.example/b/ ${title}) and [c](https://blog.example/b/ ${title})`,
      );
    expect(
      resolvePageRefs(titled('"T"'), (target) => (target === 'b' ? 'https://blog.example/b/' : undefined)),
    ).toBe('[a](https://blog.example/b/ "T") and c');
  });

  it("GIVEN a link's text left alone at a line's start THEN what would open a block there is escaped", () => {
    const alone = (text: string) =>
      resolvePageRefs(`[${REF_LINK_START}${text}](${refMark('none')}) more`, () => undefined);
    expect(alone('# big')).toBe('\\# big more');
    expect(alone('> quoted')).toBe('\\> quoted more');
    expect(alone('1. one')).toBe('1\\. one more');
    expect(alone('- dash')).toBe('\\- dash more');
    expect(alone('plain')).toBe('plain more');
    expect(resolvePageRefs(`x [${REF_LINK_START}# mid](${refMark('none')})`, () => undefined)).toBe(
      'x # mid',
    );
  });

  it('GIVEN a ref where Markdown reads no link (escaped, in an HTML block, a space before its #part) THEN no mark shows or is searched', () => {
    for (const body of [
      '\\[y]({% post_url 2023-05-06-b %}) end.',
      '<div>See [x]({{< ref "b" >}}).</div>\n\nend.',
      '[d]({{< ref "b" >}} #x) end.',
      '[e]({{< ref "b" >}}#x y) end.',
    ]) {
      const parsed = parseArticle({
        file: 'content/a.md',
        source: `---\ntitle: A\n---\n## Tips\n\n- ${body}\n- Two.\n`,
        siteUrl: 'https://blog.example',
      });
      assert(parsed.ok);
      const article = buildIndex([parsed.article]).index.articles[0];
      expect(JSON.stringify(article?.sections), body).not.toContain('x-post-ref');
      expect(parsed.searchText, body).not.toContain('x-post-ref');
    }
  });
});
