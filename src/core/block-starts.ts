/**
 * A line's text with what Discord would read as a block's mark at its start escaped: a heading,
 * subtext, quote or list item (`\# Big`, `\-# small`, `\> quote`, `\- item`, `1\. step`).
 */
export function escapedBlockStart(line: string): string {
  return line
    .replace(/^(?:#{1,6}(?=\s|$)|-#(?=\s|$)|>|[-*+](?=\s|$))/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
