import { resolve } from 'node:path';
import {
  linkedSiteUrl,
  loadContent,
  undatedPostsNote,
  type LoadedContent,
} from './adapters/content-loader.js';
import { eleventyInputFolder } from './adapters/eleventy-input-folder.js';
import { loadContentConfig, settingsFromEnvironment } from './config.js';
import { describeProblemPaths, problemPaths } from './content-check-summary.js';
import { formatProblem, type Article } from './core/article.js';
import { DEFAULT_BLOG_URL, DEFAULT_TAG_URL } from './core/blog-links.js';
import { siteBlogLinks, type SiteBlogLinks } from './adapters/site-blog-links.js';
import { sharedAddressNotes, siteUrlNote, unlinkedNotes } from './core/article-url.js';
import { renderedMessages } from './core/render/all.js';
import { longNameNotes } from './core/render/section.js';
import { formatInZone } from './core/schedule.js';
import { printable } from './core/printable.js';

const USAGE = `Usage: npm run content:check [-- <content folder>]
Checks the folder named, else CONTENT_DIR (from the environment or .env; content/ by default), with the
other settings (SITE_URL, ARTICLE_URL, ...) from the same places.`;

/**
 * `npm run content:check [-- folder]`: validates every article the way the bot reads it, and renders every
 * reply it can give to check it against Discord's limits. Exits 1 on any problem.
 */
async function check(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 1 || args[0]?.startsWith('-') === true) {
    console.error(`content:check takes one folder at most, and no option: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }
  // The folder named wins over CONTENT_DIR (and, as any setting of the environment, over .env's).
  // From where the user typed it: npm runs the script in the project's folder, and says where in INIT_CWD.
  if (args[0] !== undefined)
    process.env.CONTENT_DIR = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
  const settings = settingsFromEnvironment(loadContentConfig, 'content:check');
  if (settings === undefined) return 1;
  const { articleUrl, contentLanguage } = settings;
  // At an Eleventy project's folder, its input folder, as the bot reads it (see eleventyInputFolder).
  const input = await eleventyInputFolder(settings.contentDir);
  const contentDir = input?.dir ?? settings.contentDir;
  // SITE_URL unset: the blog's own address, as its Hugo or Jekyll configuration gives it (as the bot takes it).
  const { url: siteUrl, configured: siteAddress } = await linkedSiteUrl(
    settings.siteUrl,
    contentDir,
    contentLanguage,
  );
  const { index, problems, fileCount, staticFiles, expired, upcoming, site, addressPattern } =
    await loadContent(contentDir, siteUrl, articleUrl, contentLanguage);
  // As the bot links them: the generator's pages where BLOG_URL or TAG_URL is unset.
  const blog = siteBlogLinks({ ...settings.blogLinks, siteUrl }, site, index.articles, contentDir);
  const blogLinks = blog.links;
  const lines = problems.map(formatProblem);
  let overLimits = 0;
  for (const { what, violations } of renderedMessages(index, blogLinks)) {
    for (const violation of violations) lines.push(`${what}: ${violation}`);
    overLimits += violations.length;
  }
  if (index.articles.length === 0)
    lines.push(
      fileCount === 0 && problems.length === 0 && site.undatedPosts === undefined
        ? `${contentDir}: no valid article: no Markdown file (.md, .markdown, .mdx; in a Jekyll site's _posts, .html too) found there. Write articles there, or set CONTENT_DIR to your blog's content folder (see the README, "Use your blog's content").`
        : `${contentDir}: no valid article`,
    );
  // Posts left unlinked (undated under a dated ARTICLE_URL, or their name empty) are valid, and so are
  // files Jekyll copies as they are, expired posts and those not published yet, and items named too
  // long to show whole: said, no failure.
  const notes = [
    ...(siteAddress === undefined
      ? []
      : [
          `SITE_URL is unset: posts are linked on ${siteAddress.url}, the address ${siteAddress.setting} gives (set SITE_URL to link them elsewhere).`,
        ]),
    ...(input === undefined
      ? []
      : [
          `Read as an Eleventy project's folder: only its input folder, ${contentDir} (${input.setting}), holds posts.`,
        ]),
    ...siteNotes(site),
    ...eleventyAddressNote(site.eleventy, articleUrl, index.articles),
    // Which pages list the posts is said of posts read: of none, it would be a guess.
    ...(index.articles.length === 0 ? [] : blogLinkNote(site, blog)),
    ...siteUrlNote(index.articles, siteUrl),
    ...addressNotes(index.articles, addressPattern, siteUrl),
    ...sharedAddressNotes(index.articles),
    ...leftOutTagNotes(index.articles),
    ...headingNoteLines(index.articles),
    ...index.articles.flatMap((article) => longNameNotes(article)),
    ...tiplessNotes(index.articles),
    ...staticFileNotes(staticFiles),
    ...sitePageNotes(site),
    ...expiredNotes(expired, site.timeZone),
    ...upcomingNotes(upcoming, site.timeZone),
  ];
  const counted = `${index.articles.length} article(s) in ${fileCount} file(s)`;
  if (lines.length > 0) {
    console.error(lines.map(printable).join('\n'));
    // The count after the problems, as after none, so a long list still ends with how much is wrong.
    const wrong = [
      ...describeProblemPaths(await problemPaths(problems, contentDir)),
      ...(overLimits > 0 ? [`${overLimits} reply(ies) beyond Discord's limits`] : []),
    ];
    console.log(`${counted}${wrong.length > 0 ? `: ${wrong.join(', ')}, listed above` : ''}.`);
    if (notes.length > 0) console.log(notes.map(printable).join('\n'));
    return 1;
  }
  console.log(`${counted}: all valid, every reply within Discord's limits.`);
  if (notes.length > 0) console.log(notes.map(printable).join('\n'));
  return 0;
}

/**
 * The posts left unlinked (see unlinkedNotes), by the pattern their address is made from and what set
 * it: ARTICLE_URL, the site's configuration, or its generator's default.
 */
function addressNotes(
  articles: readonly Article[],
  addressPattern: LoadedContent['addressPattern'],
  siteUrl: string | undefined,
): string[] {
  const byPattern = new Map<string, { pattern: string; setting: string; articles: Article[] }>();
  for (const article of articles) {
    const made = addressPattern(article.file);
    if (made === undefined) continue;
    const { pattern, setting } = made;
    const group = byPattern.get(`${setting} ${pattern}`) ?? { pattern, setting, articles: [] };
    group.articles.push(article);
    byPattern.set(`${setting} ${pattern}`, group);
  }
  return [...byPattern.values()].flatMap(({ pattern, setting, articles: those }) =>
    unlinkedNotes(those, pattern, siteUrl, setting),
  );
}

/** How the site found around the folder changes what is read, which its files alone do not show. */
function siteNotes({ hugo, eleventy, notes: configNotes, undatedPosts }: LoadedContent['site']): string[] {
  const notes: string[] = [
    ...configNotes,
    ...(undatedPosts === undefined ? [] : [undatedPostsNote(undatedPosts)]),
  ];
  if (hugo !== undefined && hugo !== '')
    notes.push(`Read as a Hugo site's folder: only its ${hugo}/ folder holds posts.`);
  if (eleventy)
    notes.push(
      'Read as an Eleventy site (its configuration is in or above the folder): a text tags is one tag, and _posts a folder like any other.',
    );
  return notes;
}

/**
 * Where the buttons of `/articles` and `/search` lead on a generator's site, BLOG_URL or TAG_URL
 * being unset: the pages a Hugo or Jekyll site makes (see siteBlogLinks), said so that a theme that
 * puts them elsewhere is set; on an Eleventy site, still the bot's own `/blog`, which it makes no
 * page of, said with where its starter blog puts them (the README's table).
 */
function blogLinkNote(site: LoadedContent['site'], { links, from }: SiteBlogLinks): string[] {
  if (links.siteUrl === undefined || links.unset === undefined) return [];
  const unset = [links.unset.blog ? 'BLOG_URL' : '', links.unset.tag ? 'TAG_URL' : ''].filter(Boolean);
  if (unset.length === 0) return [];
  const being = `${unset.join(' and ')} being unset`;
  if (from !== undefined) {
    // Only what was left unset: the one set is the admin's own.
    const where = [
      links.unset.blog
        ? `posts at ${links.blog}${
            from.generator === 'Jekyll'
              ? ' (its home page)'
              : from.section === undefined
                ? ' (its home page: the posts are in no section)'
                : ` (the section ${from.section}, where most of these posts are)`
          }`
        : '',
      links.unset.tag ? (links.tag === undefined ? 'no tag pages' : `tags at ${links.tag}`) : '',
    ].filter(Boolean);
    return [
      `The buttons of /articles and /search link where a ${from.generator} site lists ${where.join(' and ')}, ${being}; set ${unset.length === 1 ? 'it' : 'them'} if the site's theme puts them elsewhere (see the README, "Use your blog's content").`,
    ];
  }
  if (!site.eleventy || !links.unset.blog || !links.unset.tag) return [];
  return [
    `The buttons of /articles and /search link SITE_URL${DEFAULT_BLOG_URL} and SITE_URL${DEFAULT_TAG_URL}, ${being}; Eleventy's starter blog lists its posts at BLOG_URL=/blog/ and its tags at TAG_URL=/tags/:tagslugify/; Eleventy makes no tag pages by itself (TAG_URL=none, or the path the site gives them) (see the README, "Use your blog's content").`,
  ];
}

/**
 * An Eleventy site's posts without a url or permalink the bot fills, under the bot's default ARTICLE_URL
 * (`/blog/:slug`, a guess): Eleventy puts a post at its file's path, so these links are most likely
 * 404s. Valid all the same; said with the patterns of the README's table for Eleventy.
 */
function eleventyAddressNote(
  eleventy: boolean,
  articleUrl: string | undefined,
  articles: readonly Article[],
): string[] {
  if (!eleventy || articleUrl !== undefined) return [];
  const defaulted = articles.filter((article) => article.addressField === undefined);
  if (defaulted.length === 0) return [];
  const example = defaulted.find((article) => article.url !== undefined)?.url;
  return [
    `${defaulted.length} article(s) without a url or permalink the bot can fill (none, or a template with other values than {{ page.fileSlug }} and {{ title }}, or filters than slugify) are at the bot's default address, SITE_URL/blog/<slug>${example === undefined ? '' : ` (${example})`}, ARTICLE_URL being unset; Eleventy seldom puts a post there. Set ARTICLE_URL to where the site puts them: /:filepath/ (Eleventy's default, the file's path), /posts/:filepath/ with CONTENT_DIR at the site's posts folder, or /:year/:month/:day/:slug/ as blogs often set it (see the README, "Use your blog's content").`,
  ];
}

/** Files in `_posts` without front matter: Jekyll makes no post of them, and copies them as they are. */
function staticFileNotes(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  return [
    `${files.length} file(s) in _posts without front matter, not articles: Jekyll copies them as they are (front matter makes one a post):`,
    ...files.map((file) => `  ${file}`),
  ];
}

/** A Hugo site's pages that are no posts (see HugoMainSections): said with what made them so. */
function sitePageNotes({ hugoMain, sitePages, hugoSectionsRead }: LoadedContent['site']): string[] {
  // Every section read, of a site that names none its posts' (a docs section beside the blog's).
  const sections =
    hugoSectionsRead === undefined
      ? []
      : [
          `Every section of the Hugo site is read, its mainSections being unset: ${hugoSectionsRead
            .map(({ name, pages }) => `${name} (${pages} file(s))`)
            .join(
              ', ',
            )}. If some are not posts (docs, projects), set mainSections (or params.mainSections) in the site's configuration to the sections of posts.`,
        ];
  if (sitePages.length === 0 || hugoMain === undefined) return sections;
  const why =
    hugoMain.named === undefined
      ? "at the top of the Hugo site's content, not articles: like its about or search page, they are in no section, where its posts are (its mainSections, or params.mainSections, chooses the sections read)"
      : `outside the Hugo site's main sections (${hugoMain.named.join(', ')}: its mainSections), not articles`;
  return [...sections, `${sitePages.length} page(s) ${why}:`, ...sitePages.map((file) => `  ${file}`)];
}

/** Tags the bot cannot show (empty, too long, without a letter): the post is read without them. */
function leftOutTagNotes(articles: readonly Article[]): string[] {
  return articles.flatMap(({ leftOutTags = [] }) =>
    leftOutTags.map((problem) => `${formatProblem(problem)} (left out: the post is read without it)`),
  );
}

/** Headings a post's `sections` names that it does not have (a typo, a heading renamed): valid, said. */
function headingNoteLines(articles: readonly Article[]): string[] {
  return articles.flatMap(({ headingNotes = [] }) => headingNotes.map(formatProblem));
}

/**
 * Tips sections with text but no tip in it (prose, a "coming soon"): valid, but `/tip` and scheduled
 * posts take tips one by one, so they never use it; said, with how tips are written.
 */
function tiplessNotes(articles: readonly Article[]): string[] {
  return articles.flatMap(({ file, sections }) => {
    const tips = sections.tips;
    if (tips === undefined || tips.items.length > 0 || tips.text.trim() === '') return [];
    return [
      `${file}:${tips.line}: tips: the section "${tips.heading}" has text but no tip, so /tip and scheduled posts never use it: write each tip as a list item (- **Name:** text), a sub-heading, or a paragraph that opens in bold`,
    ];
  });
}

/** Posts past their expiry date, which Hugo no longer publishes: left out, as the bot leaves them out. */
function expiredNotes(articles: readonly Article[], timeZone: string | undefined): string[] {
  if (articles.length === 0) return [];
  return [
    `${articles.length} article(s) left out, their expiry date passed (Hugo no longer publishes them):`,
    ...articles.map(({ file, expires = '' }) => `  ${file}: expired ${inSiteZone(expires, timeZone)}`),
  ];
}

/** Posts dated in the future, which Hugo and Jekyll do not publish yet: left out until then, as the bot leaves them out. */
function upcomingNotes(articles: readonly Article[], timeZone: string | undefined): string[] {
  if (articles.length === 0) return [];
  return [
    `${articles.length} article(s) left out, not published yet (the blog publishes them at their date):`,
    ...articles.map(
      ({ file, publishes = '' }) => `  ${file}: not published until ${inSiteZone(publishes, timeZone)}`,
    ),
  ];
}

/** An instant as the site's author reads it: in the site's time zone (UTC without one). */
function inSiteZone(instant: string, timeZone: string | undefined): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : formatInZone(date, timeZone ?? 'UTC');
}

process.exitCode = await check();
