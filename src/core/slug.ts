/**
 * An article's key (`article.slug`): what commands, autocomplete and buttons name it by. It travels
 * in Discord custom_ids of at most 100 characters, so it is at most {@link SLUG_MAX} UTF-16 units.
 */
export const SLUG_MAX = 64;

/** A letter or digit that is lowercase where its script has case, with its combining marks. */
const SLUG_CHAR = String.raw`(?!\p{Changes_When_Lowercased})[\p{L}\p{N}]\p{M}*`;

/**
 * A key: letters and digits of any script (lowercase where they have case), in words joined by
 * single hyphens: `my-post`, `привет-мир`, `日本語の記事`.
 */
export const SLUG_PATTERN = new RegExp(`^(?:${SLUG_CHAR})+(?:-(?:${SLUG_CHAR})+)*$`, 'u');

/** A base that loses its accents: Latin letters (`é` → `e`), and digits and signs (shared by all scripts). */
const FOLDED_BASE = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;

/**
 * `name` made a key: accents dropped from Latin letters (`Ünïcödé Fïlé` → `unicode-file`), letters
 * of other scripts kept (`Привет, мир` → `привет-мир`, with their marks), lowercased, every run of
 * anything else one hyphen, none at the ends; cut to `max` UTF-16 units (never inside a code point).
 * Empty when `name` has no letter or digit.
 */
export function slugOf(name: string, max: number = SLUG_MAX): string {
  const slug = name
    .normalize('NFKD')
    .replace(/(\P{M})(\p{M}+)/gu, (all, base: string) => (FOLDED_BASE.test(base) ? base : all))
    // Kana and their voicing marks, Hangul, `й`: composed again.
    .normalize('NFC')
    .toLowerCase()
    // A mark on nothing (on a sign, at the start) goes with it.
    .replace(/(?<![\p{L}\p{N}\p{M}])\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-');
  return cutSlug(slug, max);
}

/** A key cut to `max` UTF-16 units, never inside a code point, with no hyphen at either end. */
export function cutSlug(slug: string, max: number): string {
  let end = Math.min(slug.length, max);
  // A low surrogate at the cut: its high half goes too.
  const unit = slug.charCodeAt(end);
  if (end < slug.length && unit >= 0xdc00 && unit <= 0xdfff) end--;
  return slug.slice(0, end).replace(/^-+|-+$/g, '');
}
