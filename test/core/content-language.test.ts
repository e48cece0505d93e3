import { describe, expect, it } from 'vitest';
import { splitLanguage, withoutTranslated } from '../../src/core/content-language.js';

describe("Hugo's translations by file name", () => {
  it('GIVEN a language before the extension THEN it is split off; a suffix that is no language stays in the name', () => {
    expect(splitLanguage('posts/my-post.fr.md')).toEqual({ name: 'posts/my-post.md', language: 'fr' });
    expect(splitLanguage('x/index.pt-BR.markdown')).toEqual({ name: 'x/index.markdown', language: 'pt-br' });
    expect(splitLanguage('a/b.zh_Hans.mdx')).toEqual({ name: 'a/b.mdx', language: 'zh-hans' });
    for (const name of [
      'my-post.md',
      'state-of.js.md',
      'v1.2.md',
      'notes.xx.md',
      'fr.md',
      'a.fr.txt',
      'a.eng.md',
    ])
      expect(splitLanguage(name)).toEqual({ name });
  });

  it('GIVEN a post and its translation into the wanted language THEN only the translation; other pairs stay', () => {
    const files = ['a.md', 'a.fr.md', 'b.md', 'c.de.md', 'c.md', 'd/index.md', 'd/index.fr.md'].map(
      (file) => ({
        file,
      }),
    );
    expect(withoutTranslated(files, 'fr').map(({ file }) => file)).toEqual([
      'a.fr.md',
      'b.md',
      'c.de.md',
      'c.md',
      'd/index.fr.md',
    ]);
    expect(withoutTranslated(files, 'FR')).toHaveLength(5);
    expect(withoutTranslated(files, 'en')).toBe(files);
  });
});
