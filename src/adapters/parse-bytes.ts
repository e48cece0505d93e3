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
    // Where the first byte that is no UTF-8 is: what a lenient decoding replaces first.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at < 0 ? 1 : lenient.slice(0, at).split('\n').length;
    return {
      ok: false,
      problems: [{ file: source.file, line, message: 'the file is not valid UTF-8 text: save it as UTF-8' }],
    };
  }
  return formOf(parseArticle({ ...source, source: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') }));
}
