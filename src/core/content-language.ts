/**
 * Hugo's translations by file name: `my-post.fr.md` beside `my-post.md`, a bundle's `index.en.md`
 * beside `index.fr.md`. The bot reads one language (CONTENT_LANGUAGE, else the site's default): of a
 * post's translations it keeps the one in that language, else the one without a language in its name
 * (the site's default language). Where the site's configuration sets up its languages, only those
 * are languages in a name, as Hugo reads it; where it sets up none, a name's last part is taken for a
 * language only among translations like these, or when it is the bot's own language: `socket.io.md`,
 * `dev.to.md` or `deno.ts.md` alone are posts named so, not translations.
 */

/**
 * A language before the extension: two letters, and up to two subtags, a script or region
 * (`pt-br`, `zh-hans`, `zh-hant-tw`).
 */
const SUFFIX = /^(.+)\.([a-z]{2}(?:[-_][a-z\d]{2,8}){0,2})\.(md|markdown|mdx)$/i;

// Only names the locale data knows are languages: `notes.js.md` is no translation. Made at the first
// name that may be one, as its locale data takes a while to load.
let names: Intl.DisplayNames | undefined;

/** Hugo's `defaultContentLanguage` unless the site sets another: what CONTENT_LANGUAGE defaults to. */
export const DEFAULT_CONTENT_LANGUAGE = 'en';

/** A language code as the bot compares it: `pt_BR` is `pt-br`. */
export function languageCode(code: string): string {
  return code.toLowerCase().replaceAll('_', '-');
}

function isLanguage(code: string): boolean {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return names.of(languageCode(code)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * `posts/my-post.fr.md` → `{ name: 'posts/my-post.md', language: 'fr' }`; one without is as it was.
 * With `languages`, those a site's configuration sets up (Hugo's `[languages]`), only they are
 * languages, as Hugo reads names; without, any the locale data knows.
 */
export function splitLanguage(
  path: string,
  languages: readonly string[] = [],
): { name: string; language?: string } {
  const [, base, code, extension] = SUFFIX.exec(path) ?? [];
  if (base === undefined || code === undefined || extension === undefined) return { name: path };
  const language = languageCode(code);
  const known =
    languages.length === 0 ? isLanguage(code) : languages.some((one) => languageCode(one) === language);
  return known ? { name: `${base}.${extension}`, language } : { name: path };
}

/**
 * The file's name as the post's name: without its language when that is the bot's (`my-post.en.md`
 * → `my-post.md`), or when it is a page bundle's `index` (`index.fr.md`: no post is named "index"),
 * or one of the site's `languages` (see splitLanguage), which Hugo never counts in a name.
 */
export function nameOf(path: string, wanted: string, languages: readonly string[] = []): string {
  const { name, language } = splitLanguage(path, languages);
  if (language === undefined) return path;
  return language === languageCode(wanted) || languages.length > 0 || /(^|\/)index\.[^./]+$/i.test(name)
    ? name
    : path;
}

/**
 * The articles in the bot's language: of files that are translations of one post (one name but for
 * a language: `my-post.md`, `my-post.fr.md`, `my-post.de.markdown`), the one in `wanted`, else the
 * one without a language; a file without translations beside it is kept whatever its name.
 */
export function inLanguage<T extends { readonly file: string }>(
  articles: readonly T[],
  wanted: string,
  /** The site's languages, when its configuration sets them up (see splitLanguage). */
  languages: readonly string[] = [],
): readonly T[] {
  const want = languageCode(wanted);
  // Each file's name without its language, and the language, split once (every index swap asks).
  const split = articles.map(({ file }) => splitLanguage(file, languages));
  // Most blogs have no translations: nothing more to do.
  if (split.every(({ language }) => language === undefined)) return articles;
  // Each file's post (its name without language and extension) and language.
  const posts = split.map(({ name, language }) => ({ key: name.replace(/\.[^./]+$/, ''), language }));
  // The languages each post is written in (undefined: without one in its name).
  const translations = new Map<string, (string | undefined)[]>();
  for (const { key, language } of posts) {
    const languages = translations.get(key);
    if (languages === undefined) translations.set(key, [language]);
    else languages.push(language);
  }
  if ([...translations.values()].every((languages) => languages.length === 1)) return articles;
  return articles.filter((_, i) => {
    const { key, language } = posts[i] ?? {};
    const languages = (key === undefined ? undefined : translations.get(key)) ?? [];
    if (languages.length === 1 || language === want) return true;
    return language === undefined && !languages.includes(want);
  });
}
