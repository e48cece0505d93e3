/**
 * Format characters (a zero-width space, a joiner, the bidirectional controls such as U+202E), the
 * rest of Unicode's default-ignorable ones (variation selectors; the Hangul fillers U+3164 and
 * U+115F, which show as blanks) and the blank Braille pattern U+2800, all used for names that look
 * empty: they show nothing, and are never typed alike. The set a tag's key leaves out (tags.ts),
 * which typed options that name no article or tag leave out too.
 */
export const INVISIBLE_CHARS = '\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800';

const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]+`, 'gu');

/** `text` without its {@link INVISIBLE_CHARS}: `Europe/Berlin\u200b` is Europe/Berlin, `\u202eUTC` is UTC. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Whether `text` shows nothing: only white space and {@link INVISIBLE_CHARS}, or nothing at all. */
export function showsNothing(text: string): boolean {
  return withoutInvisible(text).trim() === '';
}
