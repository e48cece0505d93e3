import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'emoji-sites-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};
const post =
  '---\ntitle: Hi\ndate: 2024-01-05\n---\n\n:wave: Hello.\n\n## Tips\n\n- Never cancel :x:, reschedule. `:x:` in code.\n';

/** What the bot shows of the post in `dir`: its summary and its tip. */
async function shown(dir: string): Promise<string[]> {
  const { index, problems } = await loadContent(join(site, dir), 'https://blog.example');
  expect(problems).toEqual([]);
  const [article] = index.articles;
  return [article?.summary ?? '', article?.sections.tips?.items[0]?.text ?? ''];
}

const EMOJI = ['👋 Hello.', 'Never cancel ❌, reschedule. `:x:` in code.'];
const WRITTEN = [':wave: Hello.', 'Never cancel :x:, reschedule. `:x:` in code.'];

describe('emoji shortcodes', () => {
  it('GIVEN a Hugo site THEN they are emoji where its enableEmoji is true, as Hugo shows them, else as written', async () => {
    put('hugo.toml', 'enableEmoji = true\n');
    put('content/posts/hi.md', post);
    expect(await shown('content')).toEqual(EMOJI);
    put('hugo.toml', 'title = "Blog"\n');
    expect(await shown('content')).toEqual(WRITTEN);
  });

  it('GIVEN a Jekyll site THEN they are emoji where its plugins (or gems) have jemoji, else as written', async () => {
    put('_config.yml', 'plugins:\n  - jekyll-feed\n  - jemoji\n');
    put('_posts/2024-01-05-hi.md', post);
    expect(await shown('.')).toEqual(EMOJI);
    put('_config.yml', 'gems: [jemoji]\n');
    expect(await shown('_posts')).toEqual(EMOJI);
    put('_config.yml', 'plugins: [jekyll-feed]\n');
    expect(await shown('.')).toEqual(WRITTEN);
  });

  it('GIVEN an Eleventy site THEN they are emoji where its configuration uses markdown-it-emoji; in a folder of no generator, emoji', async () => {
    put('eleventy/package.json', '{}\n');
    put(
      'eleventy/eleventy.config.js',
      'import { full as emoji } from "markdown-it-emoji";\nexport default function (c) { c.amendLibrary("md", (md) => md.use(emoji)); }\n',
    );
    put('eleventy/posts/hi.md', post);
    expect(await shown('eleventy/posts')).toEqual(EMOJI);
    put('eleventy/eleventy.config.js', 'export default function () {}\n');
    expect(await shown('eleventy/posts')).toEqual(WRITTEN);
    put('plain/hi.md', post);
    expect(await shown('plain')).toEqual(EMOJI);
  });

  // jemoji makes emoji of the page's whole body, the post's heading in its layout too.
  it("GIVEN a title with a shortcode THEN it is emoji in a jemoji site's posts alone, as their pages show it", async () => {
    const titled = post.replace('title: Hi', 'title: "Mentoring :seedling: juniors"');
    const title = async (dir: string) =>
      (await loadContent(join(site, dir), 'https://blog.example')).index.articles[0]?.title;
    put('jekyll/_config.yml', 'plugins: [jemoji]\n');
    put('jekyll/_posts/2024-01-05-hi.md', titled);
    expect(await title('jekyll')).toBe('Mentoring 🌱 juniors');
    put('jekyll/_config.yml', 'plugins: [jekyll-feed]\n');
    expect(await title('jekyll')).toBe('Mentoring :seedling: juniors');
    put('hugo.toml', 'enableEmoji = true\n');
    put('content/posts/hi.md', titled);
    expect(await title('content')).toBe('Mentoring :seedling: juniors');
    put('plain/hi.md', titled);
    expect(await title('plain')).toBe('Mentoring :seedling: juniors');
  });

  it("GIVEN an excerpt with a shortcode THEN it is emoji in a jemoji site's posts alone, in code as written", async () => {
    const summary = async (dir: string, excerpt: string) => {
      const text = post.replace('title: Hi', `title: Hi\nexcerpt: "${excerpt}"`);
      put(`${dir}/${dir === 'jekyll' ? '_posts/2024-01-05-hi.md' : 'hi.md'}`, text);
      return (await loadContent(join(site, dir), 'https://blog.example')).index.articles[0]?.summary;
    };
    put('jekyll/_config.yml', 'plugins: [jemoji]\n');
    expect(await summary('jekyll', 'Ship :rocket: today')).toBe('Ship 🚀 today');
    expect(await summary('jekyll', 'Ship :rocket: *now*, not `:x:`')).toBe('Ship 🚀 *now*, not `:x:`');
    expect(await summary('plain', 'Ship :rocket: today')).toBe('Ship :rocket: today');
  });

  it('GIVEN emoji made so THEN a sections name written with a shortcode names the heading written so, and an autolink keeps its text', async () => {
    put(
      'plain/quick.md',
      '---\ntitle: Quick\nsections:\n  tips: ":bulb: Quick wins"\n---\n\nSee <https://x.example/:tada:/>.\n\n## :bulb: Quick wins\n\n- Ship :rocket:.\n',
    );
    const { index } = await loadContent(join(site, 'plain'), 'https://blog.example');
    const [article] = index.articles;
    expect(article?.summary).toBe('See <https://x.example/:tada:/>.');
    expect(article?.sections.tips?.items.map((item) => item.text)).toEqual(['Ship 🚀.']);
    expect(article?.headingNotes).toBeUndefined();
  });
});
