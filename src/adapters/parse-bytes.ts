import { parseArticle } from '../core/parse-article.js';
import { formOf, type FileBytes, type StoredForm } from './parse-file.js';

/*
 * Apart from src/adapters/parse-file.ts, which the bot's main thread uses: this one loads the Markdown
 * parser (tens of MB), which only the parse workers, or a reload of a few files, need.
 */

/** Decodes and parses a file: its text (BOM dropped, line ends made \n) must be UTF-8. */
export function parseFile({ bytes, ...source }: FileBytes): StoredForm {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstBadByteLine(bytes);
    return {
      ok: false,
      problems: [{ file: source.file, line, message: 'the file is not valid UTF-8 text: save it as UTF-8' }],
    };
  }
  return formOf(parseArticle({ ...source, source: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') }));
}

/**
 * The line of the first byte that is no UTF-8: where a lenient decoding, encoded again, first differs
 * from the bytes (a U+FFFD written in the file is the same bytes again). Line ends as parseFile's.
 */
function firstBadByteLine(bytes: Uint8Array): number {
  // ignoreBOM: a byte-order mark is kept, as the bytes have it.
  const again = new TextEncoder().encode(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  let line = 1;
  for (let i = 0; i < at; i++) {
    // \n, \r\n or a lone \r.
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
