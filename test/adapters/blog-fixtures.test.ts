import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../src/adapters/content-loader.js';
import type { Article } from '../../src/core/article.js';
import { PROJECT_ROOT } from '../helpers/paths.js';

// Blogs written for these tests in each generator's conventions, loaded as their authors would point
// the bot at them: CONTENT_DIR at the folder of posts, ARTICLE_URL as the generator builds addresses.
const SITE_URL = 'https://blog.example';
const blog = (path: string): string => join(PROJECT_ROOT, 'test/fixtures/blogs', path);

/** What a reader of the bot sees of an article, items as [name, text, line]. */
function view(article: Article) {
  return {
    slug: article.slug,
    title: article.title,
    date: article.date,
    url: article.url,
    tags: article.tags,
    summary: article.summary,
    sections: Object.fromEntries(
      Object.entries(article.sections).map(([kind, section]) => [
        kind,
        {
          heading: section.heading,
          line: section.line,
          text: section.text,
          items: section.items.map((item) => [item.name, item.text, item.line]),
          ...(section.interludes === undefined
            ? {}
            : { interludes: section.interludes.map(({ after, text }) => [after, text]) }),
        },
      ]),
    ),
  };
}

function articlesOf(loaded: LoadedContent) {
  expect(loaded.problems).toEqual([]);
  // No template tag, and no MDX, reaches any text the bot could send, but in code, shown as written.
  for (const article of loaded.index.articles) {
    const texts = [
      article.title,
      article.summary,
      ...article.tags,
      ...Object.values(article.sections).flatMap((section) => [
        section.heading,
        section.text,
        ...section.items.flatMap((item) => [item.name ?? '', item.text]),
        ...(section.interludes ?? []).map(({ text }) => text),
      ]),
    ];
    for (const text of texts) {
      const prose = text.replace(/```[^]*?```/g, '');
      expect(prose, article.slug).not.toMatch(/\{\{|\}\}|\{%|%\}|\{#|#\}/);
      // Code shows components as written.
      expect(prose, article.slug).not.toMatch(/<\/?[A-Z]|^import |[{}]/m);
    }
  }
  return [...loaded.index.articles].sort((a, b) => (a.slug < b.slug ? -1 : 1)).map(view);
}

describe('a blog as its generator lays it out loads without editing a file', () => {
  it('GIVEN a Hugo content folder (TOML, YAML and bare JSON, a page bundle, shortcodes, heading attributes, list pages, a draft, an expired post) THEN its posts', async () => {
    // The posts' section is their folder in content/, as Hugo's permalinks name it.
    const loaded = await loadContent(blog('hugo/content'), SITE_URL, '/:sections/:slugorfilename/');
    // The draft and the post past its expiryDate are read and left out; the list pages (_index.md)
    // are not even read, nor the page bundle's resource (aside.md: the site has a hugo.toml).
    expect(loaded.fileCount).toBe(6);
    expect(loaded.expired.map((article) => [article.file, article.expires])).toEqual([
      ['test/fixtures/blogs/hugo/content/posts/summer-offsite.md', '2020-09-01T00:00:00.000Z'],
    ]);
    expect(articlesOf(loaded)).toEqual([
      {
        // Front matter as a JSON object opening the file, as Hugo reads it.
        slug: 'delegating-well',
        title: 'Delegating well',
        date: '2023-08-14',
        url: 'https://blog.example/posts/delegating-well/',
        tags: ['management', 'delegation'],
        summary: 'Hand over the "why", not only the task.',
        sections: {
          tips: {
            heading: 'Tips',
            line: 11,
            text: '',
            items: [
              ['Say why', 'The reason travels further than the instructions.', 13],
              ['Agree on check-ins', 'Once a week is often enough.', 14],
            ],
          },
        },
      },
      {
        slug: 'first-one-on-ones',
        title: 'Your first one-on-ones',
        // TOML's date-time with its zone: the day as written, not the day in UTC.
        date: '2023-04-05',
        url: 'https://blog.example/posts/first-one-on-ones/',
        tags: ['management', 'one-on-ones', 'Leadership'],
        summary: 'How to run the first one-on-ones with a new team.',
        sections: {
          motivations: {
            heading: 'Motivations',
            line: 19,
            text: 'People want to be heard and *seen*: a one-on-one is their time, not yours.',
            items: [],
          },
          tips: {
            heading: 'Tips',
            line: 23,
            text: 'These work best in the first month.',
            // The code after the last tip stays after it.
            interludes: [[2, '```go\nnotes := map[string]string{"goal": "staff engineer"}\n```']],
            items: [
              ['Ask about goals', 'Start with where they want to be in a year.', 29],
              ['Let them set the agenda', 'Bring your own items last.', 30],
              [
                'Write it down',
                'Keep shared notes, as the [previous post](https://blog.example/posts/staff-engineer-path/) explains.',
                31,
              ],
            ],
          },
        },
      },
      {
        slug: 'quick-note',
        title: 'A quick note on focus',
        date: '2023-11-02',
        url: 'https://blog.example/posts/quick-note/',
        tags: ['writing'],
        summary: 'Two hours without meetings, every day.',
        sections: {},
      },
      {
        slug: 'staff-engineer-path',
        title: 'The staff engineer path',
        date: '2024-01-15',
        url: 'https://blog.example/posts/staff-engineer-path/',
        tags: ['career', 'Staff Engineering', 'Leadership'],
        summary: 'Staff engineers lead without managing: the other path is not the only one.',
        sections: {
          skills: {
            heading: 'Skills',
            line: 14,
            text: '',
            items: [
              ['Writing', 'Design documents reach more people than meetings do.', 16],
              ['Sponsorship', 'Put others forward for the work that grows them.', 17],
            ],
          },
        },
      },
    ]);
  });

  it("GIVEN the Hugo content folder and ARTICLE_URL /:section/:slug/ THEN :slug is each post's slug or else its title, made a path as Hugo makes it", async () => {
    // None of these posts has a slug: Hugo's :slug falls back to the title, not to the file's name.
    const loaded = await loadContent(blog('hugo/content'), SITE_URL, '/:section/:slug/');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.map((article) => article.url).sort()).toEqual([
      'https://blog.example/posts/a-quick-note-on-focus/',
      'https://blog.example/posts/delegating-well/',
      'https://blog.example/posts/the-staff-engineer-path/',
      'https://blog.example/posts/your-first-one-on-ones/',
    ]);
  });

  it('GIVEN a Jekyll _posts folder (dates in file names, tags and categories as text, Liquid, kramdown attribute lists, an unpublished post, a file without front matter) THEN its posts', async () => {
    // Jekyll's default permalink, with the categories first.
    const loaded = await loadContent(
      blog('jekyll/_posts'),
      SITE_URL,
      '/:categories/:year/:month/:day/:title.html',
    );
    expect(loaded.fileCount).toBe(5);
    // Without front matter, Jekyll copies the file as it is: no post, no problem, but content:check says so.
    expect(loaded.staticFiles).toEqual(['test/fixtures/blogs/jekyll/_posts/2016-05-01-reading-list.md']);
    expect(articlesOf(loaded)).toEqual([
      {
        slug: 'first-week-as-a-lead',
        title: 'My first week as a tech lead',
        date: '2015-04-06',
        url: 'https://blog.example/engineering/2015/04/06/first-week-as-a-lead.html',
        tags: ['leadership', 'career', 'Engineering'],
        // A link to a Liquid tag keeps its text.
        // `{{ site.baseurl }}{% link _posts/… %}`: the post's address, as Jekyll writes it.
        summary:
          'The first week as a lead is mostly listening ([more on that](https://blog.example/engineering/management/2018/01/16/why-engineers-lead.html)).',
        sections: {
          tips: {
            heading: 'Tips',
            line: 20,
            text: '',
            interludes: [[2, '```ruby\ndef first_week = listen\n```']],
            items: [
              ['Meet everyone', 'Book a short chat with each person on the team.', 22],
              [
                'Read the code',
                'Start with what broke last. See [the runbook](https://blog.example/runbook/).',
                23,
              ],
              // The commented-out tip is not one.
              ['Ship something small', 'A fix in the first week earns trust.', 27],
            ],
          },
        },
      },
      {
        slug: 'leap-day-retro',
        title: 'A leap-day retro',
        date: '2016-02-29',
        url: 'https://blog.example/retros/leap-day/',
        tags: ['retros', 'Leadership'],
        summary: 'Once every four years, look back at the long run.',
        sections: {},
      },
      {
        slug: 'why-engineers-lead',
        title: 'Why engineers become leads',
        // The front matter's date wins over the file name's, and makes the address.
        date: '2018-01-16',
        // Categories as text are split on spaces, as tags are.
        url: 'https://blog.example/engineering/management/2018/01/16/why-engineers-lead.html',
        tags: ['engineering leadership', 'career', 'Engineering', 'Management'],
        summary: 'Some engineers choose to lead; others are asked to.',
        sections: {
          motivations: {
            heading: 'Motivations',
            line: 11,
            text: "Impact beyond one's own code, and helping others grow.",
            items: [],
          },
          skills: {
            heading: 'Skills',
            line: 15,
            text: '',
            items: [
              ['Listening', 'Hear what is not said.', 17],
              ['Feedback', 'Give it early, kindly and often.', 18],
            ],
          },
        },
      },
    ]);
  });

  it("GIVEN a Jekyll site's folder with a _posts folder in several folders (Liquid in indented code, a category, pages, a draft, layouts) THEN only its posts, each one's categories starting with the folders above its _posts", async () => {
    // Jekyll's default permalink, as its documentation writes it.
    const loaded = await loadContent(
      blog('jekyll-site'),
      SITE_URL,
      '/:categories/:year/:month/:day/:title:output_ext',
    );
    // Its _config.yml makes it a site's folder: about.md, README.md (no front matter), _drafts and
    // _layouts are not read, as Jekyll publishes none of them as posts; a post without front matter
    // is read, and is no post either.
    expect(loaded.fileCount).toBe(6);
    expect(loaded.staticFiles).toEqual([
      'test/fixtures/blogs/jekyll-site/engineering/_posts/2020-03-08-slides-outline.md',
    ]);
    expect(articlesOf(loaded)).toEqual([
      {
        slug: 'asking-for-advice',
        title: 'Asking for advice',
        date: '2020-03-05',
        // `category: career advice` is one category, spaces and all.
        url: 'https://blog.example/career%20advice/2020/03/05/asking-for-advice.html',
        tags: ['mentoring', 'career advice'],
        summary: 'Ask the question you would be glad to answer.',
        sections: {},
      },
      {
        slug: 'code-review',
        title: 'Code review that teaches',
        date: '2020-03-02',
        // engineering/_posts: in `engineering`, then in its own `Reviews`.
        url: 'https://blog.example/engineering/reviews/2020/03/02/code-review.html',
        tags: ['code review', 'engineering', 'Reviews'],
        summary: 'A review is the cheapest place to share what you know.',
        sections: {
          tips: {
            heading: 'Tips',
            line: 10,
            // Indented code is shown as written, as fenced code is; the tags outside it go.
            text: 'Link the guide from every pull request template:\n\n```\nSee {{ site.baseurl }}/guides/review/ before you ask.\n{% include review-checklist.md %}\n```',
            items: [
              [
                'Ask, do not tell',
                '"What happens when this is empty?" teaches more than "check for empty".',
                17,
              ],
              ['Review small', 'Ask for pull requests under 400 lines.', 18],
            ],
          },
        },
      },
      {
        slug: 'one-on-ones',
        title: 'One-on-ones for new leads',
        date: '2020-03-03',
        // engineering/leads/_posts, then its own categories; Engineering only once.
        url: 'https://blog.example/engineering/leads/management/2020/03/03/one-on-ones.html',
        tags: ['engineering', 'leads', 'Management'],
        summary: 'Your first one-on-ones set the tone.',
        sections: {
          tips: {
            heading: 'Tips',
            line: 9,
            text: '',
            // Four spaces in, under a list item, is the item's paragraph: its tag goes.
            items: [['Listen first', 'Let them open.\n\nThen ask what would help.', 11]],
          },
        },
      },
      {
        slug: 'pairing',
        title: 'Pairing on a review',
        date: '2020-03-04',
        // engineering/_posts/guides: a folder inside _posts is no category.
        url: 'https://blog.example/engineering/2020/03/04/pairing.html',
        tags: ['pairing', 'engineering'],
        summary: 'Review the hard ones together, at one screen.',
        sections: {},
      },
      {
        slug: 'welcome',
        title: 'Welcome to the new blog',
        date: '2020-03-01',
        // The site's own _posts: no category.
        url: 'https://blog.example/2020/03/01/welcome.html',
        tags: ['news'],
        summary: 'One blog for every team, each in its own folder.',
        sections: {},
      },
    ]);
  });

  it('GIVEN a multilingual Hugo blog (translations named post.fr.md, index.fr.md) THEN the bot reads one language: English by default, French when set', async () => {
    const brief = (loaded: LoadedContent) =>
      articlesOf(loaded).map(({ slug, title, url, tags }) => ({ slug, title, url, tags }));
    const url = '/:sections/:slugorfilename/';
    // _index.fr.md is a list page in any language.
    const english = await loadContent(blog('hugo-i18n/content'), SITE_URL, url);
    expect(english.fileCount).toBe(7);
    expect(brief(english)).toEqual([
      {
        slug: 'hiring-well',
        title: 'Hiring well',
        url: 'https://blog.example/posts/hiring-well/',
        tags: ['hiring'],
      },
      {
        slug: 'one-on-ones',
        title: 'One-on-ones',
        url: 'https://blog.example/posts/one-on-ones/',
        tags: ['management'],
      },
      {
        slug: 'remote-teams',
        title: 'Remote teams',
        url: 'https://blog.example/posts/remote-teams/',
        tags: ['remote'],
      },
      // ".io" is a language (Ido) the locale data knows, but no file beside it makes this a translation.
      {
        slug: 'socket-io',
        title: 'Socket.IO in production',
        url: 'https://blog.example/posts/socket.io/',
        tags: ['realtime'],
      },
      // "js" is no language the locale data knows: the name stays whole.
      { slug: 'state-of-js', title: 'State of JS', url: 'https://blog.example/posts/state-of.js/', tags: [] },
    ]);
    // French: the translations in place of the originals, under Hugo's /fr/; the untranslated posts in
    // English, at the address ARTICLE_URL gives (the README says to give them a url).
    const french = await loadContent(blog('hugo-i18n/content'), SITE_URL, `/fr${url}`, 'fr');
    expect(french.problems).toEqual([]);
    expect(brief(french)).toEqual([
      {
        slug: 'hiring-well',
        title: 'Bien recruter',
        url: 'https://blog.example/fr/posts/hiring-well/',
        tags: ['recrutement'],
      },
      {
        slug: 'one-on-ones',
        title: 'One-on-ones',
        url: 'https://blog.example/fr/posts/one-on-ones/',
        tags: ['management'],
      },
      {
        slug: 'remote-teams',
        title: 'Équipes à distance',
        url: 'https://blog.example/fr/posts/remote-teams/',
        tags: ['distance'],
      },
      {
        slug: 'socket-io',
        title: 'Socket.IO in production',
        url: 'https://blog.example/fr/posts/socket.io/',
        tags: ['realtime'],
      },
      {
        slug: 'state-of-js',
        title: 'State of JS',
        url: 'https://blog.example/fr/posts/state-of.js/',
        tags: [],
      },
    ]);
  });

  it("GIVEN a Hugo content folder with nested sections and ARTICLE_URL /:sections/:filename/ THEN every folder and the file's name, date and all (escaped shortcodes in indented code shown)", async () => {
    const loaded = await loadContent(blog('hugo-sections/content'), SITE_URL, '/:sections/:filename/');
    expect(loaded.fileCount).toBe(2);
    expect(articlesOf(loaded)).toEqual([
      {
        slug: 'checklist',
        title: 'A review checklist',
        date: '2024-02-01',
        // docs/guides/2024-02-01-Review Checklist.md: the name as Hugo makes it a path, not the slug.
        url: 'https://blog.example/docs/guides/2024-02-01-review-checklist/',
        tags: ['reviews'],
        summary: 'Five questions for every pull request.',
        sections: {
          tips: {
            heading: 'Tips',
            line: 10,
            text: 'Show the checklist in a post with the shortcode, escaped so that Hugo shows it:\n\n```\n{{< checklist name="review" >}}\n```',
            items: [['Read the tests first', 'They say what the change means to do.', 16]],
          },
        },
      },
      {
        slug: 'feedback',
        title: 'Feedback that lands',
        date: '2024-03-10',
        // A page bundle: named after its folder, which is no section.
        url: 'https://blog.example/posts/leads/feedback/',
        tags: ['feedback'],
        summary: 'Give it early, kindly and often.',
        sections: {},
      },
    ]);
  });

  it('GIVEN an Eleventy input folder (Nunjucks, continued YAML values, a draft, an .mdx note, templates and data) THEN its posts', async () => {
    const loaded = await loadContent(blog('eleventy'), SITE_URL, '/:year/:month/:day/:slug/');
    expect(loaded.fileCount).toBe(4);
    expect(articlesOf(loaded)).toEqual([
      {
        slug: 'delegation',
        title: 'Delegating without disappearing',
        date: '2019-05-01',
        url: 'https://blog.example/2019/05/01/delegation/',
        tags: ['post', 'leadership'],
        summary: 'Hand work over and stay reachable.',
        sections: {
          skills: {
            heading: 'Skills',
            line: 11,
            text: '',
            items: [
              ['Context', 'Share why the work matters, not only what it is.', 13],
              ['Trust', 'Let people choose how; ask about what.', 14],
            ],
          },
          tips: {
            heading: 'Tips',
            line: 16,
            text: '',
            interludes: [[1, '```js\nconst owner = task.owner ?? "you";\n```']],
            items: [
              ['Start small', 'Hand over one task with a clear end, then a project.', 18],
              ['Check in, not over', 'Agree when you will look, say on Fridays and keep to it.', 19],
            ],
          },
        },
      },
      {
        slug: 'hiring-loops',
        title: 'Hiring loops that respect candidates',
        date: '2019-07-21',
        url: 'https://blog.example/2019/07/21/hiring-loops/',
        tags: ['post'],
        summary: 'Fewer rounds, clearer questions, and an answer within a week.',
        sections: {},
      },
      {
        slug: 'pairing',
        title: 'Pairing with a new hire',
        date: '2020-06-15',
        url: 'https://blog.example/2020/06/15/pairing/',
        tags: ['notes', 'Leadership'],
        summary: 'Pair for an hour and a half on the first day.',
        sections: {
          tips: {
            heading: 'Tips',
            line: 12,
            // Indented inside a component, prose; in a code block, as written.
            text: 'Let the new hire drive; you navigate.',
            interludes: [[1, '```jsx\n<Callout>{kept as written}</Callout>\n```']],
            items: [
              ['Drive second', 'Take the keyboard only when asked.', 18],
              ['Explain the why', 'E.g. why the test is slow, not only that it is.', 19],
            ],
          },
        },
      },
    ]);
  });

  it("GIVEN an Eleventy input folder and ARTICLE_URL /:filepath/ THEN each post at Eleventy's default address, its path as written", async () => {
    const loaded = await loadContent(blog('eleventy'), SITE_URL, '/:filepath/');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.map((article) => article.url).sort()).toEqual([
      'https://blog.example/notes/2020-06-15-pairing/',
      'https://blog.example/posts/2019-05-01-delegation/',
      'https://blog.example/posts/2019-07-20-hiring-loops/',
    ]);
  });

  it("GIVEN an Eleventy blog as a tester brought it (Russian and Japanese file names, no titles, one slug on two days, a long name, a slug of its own, templated, relative and false permalinks, Eleventy's date keywords) THEN every published post, at its address", async () => {
    const loaded = await loadContent(blog('eleventy-i18n'), SITE_URL, '/:year/:month/:day/:slug/');
    // permalink: false is read, and is no article.
    expect(loaded.fileCount).toBe(9);
    expect(loaded.problems).toEqual([]);
    const encoded = (path: string) => path.split('/').map(encodeURIComponent).join('/');
    expect(loaded.index.articles.map(({ slug, title, date, url }) => ({ slug, title, date, url }))).toEqual([
      {
        slug: '日本語の記事',
        title: '日本語の記事',
        date: '2024-01-09',
        url: `${SITE_URL}/2024/01/09/${encoded('日本語の記事')}/`,
      },
      // `date: git Created` is the file name's date; a relative permalink is on the site's root.
      {
        slug: 'relative',
        title: 'A relative permalink',
        date: '2024-01-08',
        url: `${SITE_URL}/blog/relative-post/`,
      },
      // A permalink that is a template: ARTICLE_URL makes the address.
      {
        slug: 'templated',
        title: 'A templated permalink',
        date: '2024-01-07',
        url: `${SITE_URL}/2024/01/07/templated/`,
      },
      {
        slug: 'why-i-left',
        title: 'Why I left',
        date: '2024-01-06',
        url: `${SITE_URL}/2024/01/06/Why-I-Left/`,
      },
      {
        // The slug is cut to 64 characters; the address keeps the whole name.
        slug: 'how-i-went-from-senior-software-engineer-to-engineering-manager',
        title: 'From senior engineer to manager in two years',
        date: '2024-01-05',
        url: `${SITE_URL}/2024/01/05/how-i-went-from-senior-software-engineer-to-engineering-manager-in-two-years/`,
      },
      {
        slug: 'привет-мир',
        title: 'Привет, мир',
        date: '2024-01-02',
        url: `${SITE_URL}/2024/01/02/${encoded('привет-мир')}/`,
      },
      {
        slug: 'year-in-review-2023-12-31',
        title: 'Year In Review',
        date: '2023-12-31',
        url: `${SITE_URL}/2023/12/31/year-in-review/`,
      },
      {
        slug: 'year-in-review',
        title: 'Year In Review',
        date: '2022-12-31',
        url: `${SITE_URL}/2022/12/31/year-in-review/`,
      },
    ]);
  });

  it("GIVEN a Jekyll blog moved to Eleventy (its blog/_posts kept, text tags, a post that lost its front matter) THEN Eleventy's rules once its configuration is there: a text tags one tag, no folder categories, the file without front matter a page, as Eleventy publishes it", async () => {
    const url = '/blog/:year/:month/:day/:slug/';
    const tagsOf = (loaded: LoadedContent) =>
      Object.fromEntries(loaded.index.articles.map((article) => [article.slug, article.tags]));
    // Without Eleventy's configuration, as laid out here: a Jekyll _posts folder.
    const asJekyll = await loadContent(blog('eleventy-from-jekyll/src'), SITE_URL, url);
    expect(asJekyll.problems).toEqual([]);
    expect(tagsOf(asJekyll)).toEqual({
      'one-on-ones': ['post', 'blog'],
      'growing-without-a-title': ['career', 'growth', 'blog'],
    });
    expect(asJekyll.staticFiles.map((file) => file.split('/').pop())).toEqual([
      '2019-05-06-forgot-front-matter.md',
    ]);

    const project = mkdtempSync(join(tmpdir(), 'eleventy-from-jekyll-'));
    try {
      cpSync(blog('eleventy-from-jekyll'), project, { recursive: true });
      writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(project, 'eleventy.config.js'), 'export default function () {}\n');
      const asEleventy = await loadContent(join(project, 'src'), SITE_URL, url);
      expect(tagsOf(asEleventy)).toEqual({
        'forgot-front-matter': [],
        // `post` makes Eleventy's collection of posts: no topic there.
        'one-on-ones': [],
        'growing-without-a-title': ['career growth'],
      });
      expect(asEleventy.index.articles.map((article) => article.url)).toEqual([
        `${SITE_URL}/blog/2019/05/06/forgot-front-matter/`,
        `${SITE_URL}/blog/2019/04/05/one-on-ones/`,
        `${SITE_URL}/blog/2019/03/04/growing-without-a-title/`,
      ]);
      expect(asEleventy.problems).toEqual([]);
      expect(asEleventy.staticFiles).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
