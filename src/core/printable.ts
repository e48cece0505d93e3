/**
 * Characters that change a terminal's or an editor's line rather than show: controls (a newline would
 * split a `file:line:` report in two, an escape sequence clear the screen) and the bidirectional
 * controls that turn the rest of the line around (U+202E). Tabs stay.
 */
const UNPRINTABLE = /[^\P{Cc}\t]|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/**
 * `text` as one line that shows every character: those above written as JavaScript writes them
 * (`\n`, `\u001b`, `\u202e`). For names the bot prints that a file system gave (a file named with a
 * newline), which nothing else has cleaned.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
