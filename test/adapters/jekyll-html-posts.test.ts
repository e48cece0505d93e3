import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { loadContent } from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { formatProblem, type Article } from '../../src/core/article.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { eventually } from '../helpers/eventually.js';

let site: string;
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};

/** A post as jekyll-import writes a WordPress one: front matter, then HTML (line 9 is `<h2>Tips</h2>`). */
const HTML_POST = [
  '---',
  'title: Growing as a manager',
  'date: 2015-04-06 10:00:00',
  'tags: [leadership, career]',
  'categories: [management]',
  '---',
  '<p>Managing people is a *skill* you_can_learn, {{ site.title }} says.</p>',
  '<!--more-->',
  '<h2>Tips</h2>',
  '<ul>',
  '<li><strong>Listen:</strong> ask before you tell. {% include note.html %}</li>',
  '    <li><strong>Delegate:</strong> let go of',
  '    the work you did.</li>',
  '</ul>',
  '<div class="aside">',
  '<p>First part.</p>',
  '',
  '    <p>Second part, after a blank line.</p>',
  '</div>',
  '',
].join('\n');

const summaryOf = (article: Article | undefined): string | undefined => article?.summary;

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'jekyll-html-'));
});
afterEach(async () => {
  await library?.close();
  library = undefined;
  rmSync(site, { recursive: true, force: true });
});

describe('a Jekyll post written in HTML', () => {
  it('GIVEN _posts/YYYY-MM-DD-name.html with front matter THEN an article: its summary, tips from <h2>/<li> on their lines, address, tags; Liquid left out; indented lines and blank lines are HTML; messages within limits', async () => {
    put('_config.yml', 'title: A blog\n');
    put('_posts/2015-04-06-growing-as-a-manager.html', HTML_POST);
    const { index, problems } = await loadContent(site, 'https://blog.example');
    expect(problems.map(formatProblem)).toEqual([]);
    const [article] = index.articles;
    expect(index.articles).toHaveLength(1);
    expect(article).toMatchObject({
      slug: 'growing-as-a-manager',
      title: 'Growing as a manager',
      url: 'https://blog.example/management/2015/04/06/growing-as-a-manager.html',
    });
    expect(article?.tags).toEqual(expect.arrayContaining(['leadership', 'career']));
    // `*` and `_` in HTML text are no emphasis; the Liquid output is left out.
    expect(summaryOf(article)).toBe('Managing people is a \\*skill\\* you_can_learn, says.');
    const tips = article?.sections.tips;
    expect(tips?.items.map(({ name, text, line }) => ({ name, text, line }))).toEqual([
      { name: 'Listen', text: 'ask before you tell.', line: 11 },
      { name: 'Delegate', text: 'let go of the work you did.', line: 12 },
    ]);
    // The indented lines and the blank line inside the <div> are HTML, not a code block.
    expect(tips?.interludes).toEqual([{ after: 1, text: 'First part.\n\nSecond part, after a blank line.' }]);
    const all = JSON.stringify(index.articles);
    expect(all).not.toMatch(/\{%|\{\{|<li>|<p>/);
    for (const { violations } of renderedMessages(index, defaultBlogLinks('https://blog.example')))
      expect(violations).toEqual([]);
  });

  it('GIVEN Liquid\'s highlight, raw and a markdown="1" attribute in an HTML post THEN code, its text, and HTML (no kramdown reads it)', async () => {
    put('_config.yml', 'title: A blog\n');
    put(
      '_posts/2015-04-06-code.html',
      [
        '---',
        'title: Code',
        '---',
        '<p>Write {% raw %}{{ y }}{% endraw %}.</p>',
        '<h2>Tips</h2>',
        '<ul>',
        '<li><strong>Compare:</strong> like so.',
        '{% highlight ruby %}',
        'x < 1 && y',
        '{% endhighlight %}',
        '</li>',
        '<li><div markdown="1">*as written*</div></li>',
        '</ul>',
        '',
      ].join('\n'),
    );
    const { index, problems } = await loadContent(site, undefined);
    expect(problems).toEqual([]);
    expect(index.articles[0]?.summary).toBe('Write {{ y }}.');
    expect(index.articles[0]?.sections.tips?.items).toEqual([
      { name: 'Compare', text: 'like so.\n\n```ruby\nx < 1 && y\n```', line: 7 },
      { text: '\\*as written\\*', line: 12 },
    ]);
  });

  it("GIVEN _config.yml's defaults for posts and a permalink THEN the HTML post has them, as a Markdown one", async () => {
    put(
      '_config.yml',
      [
        'title: A blog',
        'permalink: /:year/:title/',
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { tags: [imported], draft: false }',
        '',
      ].join('\n'),
    );
    put('_posts/2015-04-06-one.html', '---\ntitle: One\n---\n<p>Hi.</p>\n');
    put('_posts/2015-04-06-two.md', '---\ntitle: Two\n---\nHi.\n');
    put('_posts/2015-04-07-gone.html', '---\ntitle: Gone\npublished: false\n---\n<p>Hi.</p>\n');
    const { index } = await loadContent(site, 'https://blog.example');
    expect(index.articles.map(({ slug, url, tags, summary }) => ({ slug, url, tags, summary }))).toEqual([
      { slug: 'two', url: 'https://blog.example/2015/two/', tags: ['imported'], summary: 'Hi.' },
      { slug: 'one', url: 'https://blog.example/2015/one/', tags: ['imported'], summary: 'Hi.' },
    ]);
  });

  it("GIVEN WordPress's block comments around every block THEN left out, the blocks read, lines kept", async () => {
    put('_config.yml', 'title: A blog\n');
    put(
      '_posts/2020-01-02-wp.html',
      [
        '---',
        'title: WordPress',
        '---',
        '<!-- wp:paragraph -->',
        '<p>The lead.</p>',
        '<!-- /wp:paragraph -->',
        '<!-- wp:heading -->',
        '<h2>Tips</h2>',
        '<!-- /wp:heading -->',
        '<!-- wp:list --><ul>',
        '<!-- wp:list-item --><li>Ask.</li><!-- /wp:list-item -->',
        '<!-- wp:list-item -->',
        '<li>Listen.</li><!-- /wp:list-item --></ul><!-- /wp:list -->',
        '',
      ].join('\n'),
    );
    const { index, problems } = await loadContent(site, undefined);
    expect(problems).toEqual([]);
    expect(index.articles[0]?.summary).toBe('The lead.');
    expect(index.articles[0]?.sections.tips?.items).toEqual([
      { text: 'Ask.', line: 11 },
      { text: 'Listen.', line: 13 },
    ]);
  });

  it('GIVEN .html outside _posts, undated in _posts, or in a site that is not Jekyll THEN not read', async () => {
    put('_config.yml', 'title: A blog\n');
    put('about.html', HTML_POST);
    put('_layouts/post.html', HTML_POST);
    put('_posts/notes.html', HTML_POST);
    put('_posts/2015-04-06-kept.htm', HTML_POST);
    const jekyll = await loadContent(site, undefined);
    expect(jekyll.index.articles.map(({ slug }) => slug)).toEqual(['kept']);
    // The _posts folder as CONTENT_DIR: the same.
    const posts = await loadContent(join(site, '_posts'), undefined);
    expect(posts.index.articles.map(({ slug }) => slug)).toEqual(['kept']);

    for (const config of ['hugo.toml', 'eleventy.config.js', undefined]) {
      rmSync(site, { recursive: true, force: true });
      mkdirSync(site);
      if (config !== undefined)
        put(config, config.endsWith('.js') ? 'export default {};\n' : 'title = "A"\n');
      put('_posts/2015-04-06-a.html', HTML_POST);
      put('content/_posts/2015-04-06-b.html', HTML_POST);
      const other = await loadContent(site, undefined);
      expect([config, other.index.articles, other.fileCount]).toEqual([config, [], 0]);
      // A _posts folder as CONTENT_DIR with no Jekyll configuration beside it: a folder like any other.
      const posts = await loadContent(join(site, '_posts'), undefined);
      expect([config, posts.index.articles]).toEqual([config, []]);
    }
  });

  it('GIVEN an .html file in _posts without front matter THEN a static file Jekyll copies, not a post nor a problem', async () => {
    put('_config.yml', 'title: A blog\n');
    put('_posts/2015-04-06-page.html', '<p>Just a page.</p>\n');
    const { index, problems, staticFiles } = await loadContent(site, undefined);
    expect([index.articles, problems]).toEqual([[], []]);
    expect(staticFiles).toEqual([expect.stringMatching(/2015-04-06-page\.html$/) as unknown]);
  });

  it('GIVEN HTML past what is read THEN a problem naming the file and the line, not an empty article', async () => {
    put('_config.yml', 'title: A blog\n');
    const big = `<p>${'word '.repeat(54_000)}</p>\n`;
    put('_posts/2015-04-06-big.html', `---\ntitle: Big\n---\n<h2>Tips</h2>\n${big}`);
    const { index, problems } = await loadContent(site, undefined);
    expect(index.articles).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /_posts\/2015-04-06-big\.html:4: HTML that cannot be read whole \(more than 256 KB/,
      ) as unknown,
    ]);
  });

  it("GIVEN the site's excerpt_separator THEN the summary is what comes before it", async () => {
    put('_config.yml', 'title: A blog\nexcerpt_separator: <!-- excerpt -->\n');
    put(
      '_posts/2015-04-06-a.html',
      '---\ntitle: A\n---\n<p>One.</p>\n<p>Two.</p>\n<!-- excerpt -->\n<p>Three.</p>\n',
    );
    const { index } = await loadContent(site, undefined);
    expect(summaryOf(index.articles[0])).toBe('One.\nTwo.');
  });

  it("GIVEN the library refreshing an .html post's path THEN its adding, edit and removal are read", async () => {
    put('_config.yml', 'title: A blog\n');
    const logger = createLogger({ level: 'silent' }, { write: () => undefined });
    const lib = await ContentLibrary.open(
      { dir: site, siteUrl: 'https://blog.example', logger, store: ContentStore.memory(logger) },
      { watch: false },
    );
    library = lib;
    const path = join(site, '_posts/2015-04-06-live.html');
    put('_posts/2015-04-06-live.html', HTML_POST);
    await lib.refresh({ paths: [path] });
    expect(lib.current.articles.map(({ title }) => title)).toEqual(['Growing as a manager']);
    put('_posts/2015-04-06-live.html', HTML_POST.replace('Growing as a manager', 'Edited'));
    await lib.refresh({ paths: [path] });
    expect(lib.current.articles.map(({ title }) => title)).toEqual(['Edited']);
    unlinkSync(path);
    await lib.refresh({ paths: [path] });
    expect(lib.current.articles).toEqual([]);
  });

  it('GIVEN the library watching a Jekyll site THEN an .html post written in _posts is read, and one outside is not', async () => {
    put('_config.yml', 'title: A blog\n');
    put('_posts/2015-04-05-first.md', '---\ntitle: First\n---\nHi.\n');
    const logger = createLogger({ level: 'silent' }, { write: () => undefined });
    library = await ContentLibrary.open(
      { dir: site, siteUrl: 'https://blog.example', logger, store: ContentStore.memory(logger) },
      { watch: true },
    );
    const lib = library;
    put('about.html', HTML_POST);
    put('_posts/2015-04-06-live.html', HTML_POST);
    await eventually(() =>
      expect(lib.current.articles.map(({ title }) => title)).toEqual(['Growing as a manager', 'First']),
    );
    rmSync(join(site, '_posts/2015-04-06-live.html'));
    await eventually(() => expect(lib.current.articles.map(({ title }) => title)).toEqual(['First']));
  });
});
