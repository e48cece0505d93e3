import { join, relative, resolve, sep } from 'node:path';
import { linkedSiteUrl, loadContent, type LoadedContent } from './adapters/content-loader.js';
import { loadContentConfig, settingsFromEnvironment } from './config.js';
import { describeProblemPaths, problemPaths } from './content-check-summary.js';
import { formatProblem, type Article } from './core/article.js';
import { DEFAULT_BLOG_URL, DEFAULT_TAG_URL, type BlogLinks } from './core/blog-links.js';
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
  const { contentDir, articleUrl, contentLanguage } = settings;
  // SITE_URL unset: the blog's own address, as its Hugo or Jekyll configuration gives it (as the bot takes it).
  const { url: siteUrl, configured: siteAddress } = await linkedSiteUrl(
    settings.siteUrl,
    contentDir,
    contentLanguage,
  );
  const blogLinks = { ...settings.blogLinks, siteUrl };
  const { index, problems, fileCount, staticFiles, expired, upcoming, site, addressPattern } =
    await loadContent(contentDir, siteUrl, articleUrl, contentLanguage);
  const lines = problems.map(formatProblem);
  let overLimits = 0;
  for (const { what, violations } of renderedMessages(index, blogLinks)) {
    for (const violation of violations) lines.push(`${what}: ${violation}`);
    overLimits += violations.length;
  }
  if (index.articles.length === 0)
    lines.push(
      fileCount === 0 && problems.length === 0
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
    ...siteNotes(site),
    ...eleventyAddressNote(site.eleventy, articleUrl, index.articles),
    ...blogLinkNote(site, blogLinks, index.articles, contentDir),
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
function siteNotes({ hugo, eleventy, notes: configNotes }: LoadedContent['site']): string[] {
  const notes: string[] = [...configNotes];
  if (hugo !== undefined && hugo !== '')
    notes.push(`Read as a Hugo site's folder: only its ${hugo}/ folder holds posts.`);
  if (eleventy)
    notes.push(
      'Read as an Eleventy site (its configuration is in or above the folder): a text tags is one tag, and _posts a folder like any other.',
    );
  return notes;
}

/**
 * A Hugo, Jekyll or Eleventy site linked with the bot's default pages (`/blog`, `/blog?tag=…`), which
 * none of them makes: the buttons of `/articles` and `/search` would lead to no page. Said with
 * where each generator puts them (the README's table).
 */
function blogLinkNote(
  { hugo, jekyll, eleventy, hugoPrefix }: LoadedContent['site'],
  links: BlogLinks,
  articles: readonly Article[],
  contentDir: string,
): string[] {
  if (links.siteUrl === undefined || links.blog !== DEFAULT_BLOG_URL || links.tag !== DEFAULT_TAG_URL)
    return [];
  // Hugo lists a section's pages at its name: the section most posts' addresses are in, else (posts
  // at their permalinks' `/p/:slug/`) the one most of their files are in.
  const section =
    hugo === undefined
      ? undefined
      : (mostCommonSection(articles, links.siteUrl) ??
        mostCommonFolder(articles, join(contentDir, hugo), hugoPrefix));
  const where =
    hugo !== undefined
      ? `a Hugo site lists its tags at TAG_URL=/tags/:tagslug/ and a section's posts at the section's name (${
          section === undefined
            ? 'BLOG_URL=/posts/ for posts in content/posts'
            : `BLOG_URL=/${section}/, where most of these posts are${section === 'blog' ? ', as BLOG_URL unset gives' : ''}`
        })`
      : jekyll
        ? 'a Jekyll site lists its posts on its home page (BLOG_URL=/ with the default theme) and makes no tag pages by itself (TAG_URL=none, or the path a plugin gives them, like /tag/:tagslugify/)'
        : eleventy
          ? "Eleventy's starter blog lists its posts at BLOG_URL=/blog/ and its tags at TAG_URL=/tags/:tagslugify/; Eleventy makes no tag pages by itself (TAG_URL=none, or the path the site gives them)"
          : undefined;
  if (where === undefined) return [];
  return [
    `The buttons of /articles and /search link SITE_URL${DEFAULT_BLOG_URL} and SITE_URL${DEFAULT_TAG_URL}, BLOG_URL and TAG_URL being unset; ${where} (see the README, "Use your blog's content").`,
  ];
}

/**
 * The first folder of the addresses on `siteUrl` that most articles are in, counting only a folder
 * their file is in too (`content/blog/x.md` at `/blog/x/`): not a slug at the site's root, nor a year.
 */
function mostCommonSection(articles: readonly Article[], siteUrl: string): string | undefined {
  const root = siteUrl.replace(/\/*$/, '/');
  return mostCommon(
    articles.map(({ url, file }) => {
      if (url?.startsWith(root) !== true) return undefined;
      const folder = /^([^/?#]+)\/[^/?#]/.exec(url.slice(root.length))?.[1];
      const folders = file.split(/[\\/]/).slice(0, -1);
      // A year's folder (`content/posts/2024/` under `/:year/…`) is no section: Hugo lists none there.
      return folder !== undefined && !/^\d+$/.test(folder) && folders.includes(folder) ? folder : undefined;
    }),
  );
}

/** The folder right inside `content` (Hugo's content folder) that holds most articles' files, if any does. */
function mostCommonFolder(
  articles: readonly Article[],
  content: string,
  /** Where `content` is in Hugo's content (`posts` for `content/posts`): its sections start there. */
  prefix = '',
): string | undefined {
  return mostCommon(
    articles.map(({ file }) => {
      const [folder, ...rest] = join(prefix, relative(content, file)).split(sep);
      return folder !== undefined && folder !== '..' && rest.length > 0 ? folder : undefined;
    }),
  );
}

/** The name given most often (the first of those given as often), if any. */
function mostCommon(names: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0];
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
function sitePageNotes({ hugoMain, sitePages }: LoadedContent['site']): string[] {
  if (sitePages.length === 0 || hugoMain === undefined) return [];
  const why =
    hugoMain.named === undefined
      ? "at the top of the Hugo site's content, not articles: like its about or search page, they are in no section, where its posts are (its mainSections, or params.mainSections, chooses the sections read)"
      : `outside the Hugo site's main sections (${hugoMain.named.join(', ')}: its mainSections), not articles`;
  return [`${sitePages.length} page(s) ${why}:`, ...sitePages.map((file) => `  ${file}`)];
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
