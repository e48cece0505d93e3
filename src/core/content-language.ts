/**
 * Hugo's translations by file name: `my-post.fr.md`, a bundle's `index.pt-br.md`. The language is no
 * part of the post's name (its slug, title, `:filename`), and the bot reads one language's files.
 */

/** A language before the extension: two letters, and a region or script (`pt-br`, `zh-hans`). */
const SUFFIX = /^(.+)\.([a-z]{2}(?:[-_][a-z\d]{2,8})?)\.(md|markdown|mdx)$/i;

// Only names the locale data knows are languages: `v1.2.md` or `notes.js.md` keep their name whole.
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Hugo's `defaultContentLanguage` unless the site sets another: what CONTENT_LANGUAGE defaults to. */
export const DEFAULT_CONTENT_LANGUAGE = 'en';

function normal(code: string): string {
  return code.toLowerCase().replace('_', '-');
}

function isLanguage(code: string): boolean {
  try {
    return names.of(normal(code)) !== undefined;
  } catch {
    return false;
  }
}

/** `posts/my-post.fr.md` → `{ name: 'posts/my-post.md', language: 'fr' }`; one without is as it was. */
export function splitLanguage(path: string): { name: string; language?: string } {
  const [, base, code, extension] = SUFFIX.exec(path) ?? [];
  if (base === undefined || code === undefined || extension === undefined || !isLanguage(code))
    return { name: path };
  return { name: `${base}.${extension}`, language: normal(code) };
}

/** Whether a file named in `language` is read by a bot set to `wanted` (one named in none always is). */
export function isWantedLanguage(language: string | undefined, wanted: string): boolean {
  return language === undefined || language === normal(wanted);
}

/**
 * The articles but those whose translation into `wanted` is beside them: `my-post.md` is in the
 * site's default language, and gives way to `my-post.fr.md` for a bot set to French. (Files named
 * in another language are no articles: see parseArticle.)
 */
export function withoutTranslated<T extends { readonly file: string }>(
  articles: readonly T[],
  wanted: string,
): readonly T[] {
  const translated = new Set<string>();
  for (const { file } of articles) {
    const { name, language } = splitLanguage(file);
    if (language !== undefined && isWantedLanguage(language, wanted)) translated.add(name);
  }
  return translated.size === 0 ? articles : articles.filter(({ file }) => !translated.has(file));
}
