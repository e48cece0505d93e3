import { describe, expect, it } from 'vitest';
import { inLanguage, nameOf, splitLanguage } from '../../src/core/content-language.js';

describe("Hugo's translations by file name", () => {
  it('GIVEN a language before the extension THEN it is split off; a suffix that is no language stays in the name', () => {
    expect(splitLanguage('posts/my-post.fr.md')).toEqual({ name: 'posts/my-post.md', language: 'fr' });
    expect(splitLanguage('x/index.pt-BR.markdown')).toEqual({ name: 'x/index.markdown', language: 'pt-br' });
    expect(splitLanguage('a/b.zh_Hans.mdx')).toEqual({ name: 'a/b.mdx', language: 'zh-hans' });
    expect(splitLanguage('p/index.zh-Hant-TW.md')).toEqual({ name: 'p/index.md', language: 'zh-hant-tw' });
    expect(splitLanguage('p/index.sr_Latn_RS.md')).toEqual({ name: 'p/index.md', language: 'sr-latn-rs' });
    for (const name of [
      'my-post.md',
      'state-of.js.md',
      'v1.2.md',
      'notes.xx.md',
      'fr.md',
      'a.fr.txt',
      'a.eng.md',
      'a.zh-hant-tw-x.md',
    ])
      expect(splitLanguage(name)).toEqual({ name });
  });

  it("GIVEN a file's name THEN the post's name drops only the bot's language, or any language of a bundle's index", () => {
    expect(nameOf('posts/my-post.en.md', 'en')).toBe('posts/my-post.md');
    expect(nameOf('posts/my-post.fr.md', 'en')).toBe('posts/my-post.fr.md');
    expect(nameOf('posts/my-post.FR.md', 'fr')).toBe('posts/my-post.md');
    expect(nameOf('posts/x/index.fr.md', 'en')).toBe('posts/x/index.md');
    expect(nameOf('socket.io.md', 'en')).toBe('socket.io.md');
  });

  it('GIVEN translations of one post THEN the one in the wanted language, else the one without; a file alone is kept whatever its name', () => {
    const files = [
      'a.md',
      'a.fr.md',
      'b.md',
      'c.de.md',
      'c.md',
      'd/index.md',
      'd/index.fr.markdown',
      'e.fr.md',
      'e.de.md',
      'socket.io.md',
      'dev.to.md',
      'f.it.md',
    ].map((file) => ({ file }));
    const kept = (wanted: string) => inLanguage(files, wanted).map(({ file }) => file);
    expect(kept('fr')).toEqual([
      'a.fr.md',
      'b.md',
      'c.md',
      'd/index.fr.markdown',
      'e.fr.md',
      'socket.io.md',
      'dev.to.md',
      'f.it.md',
    ]);
    expect(kept('FR')).toEqual(kept('fr'));
    // e has no English version: neither translation is the bot's.
    expect(kept('en')).toEqual([
      'a.md',
      'b.md',
      'c.md',
      'd/index.md',
      'socket.io.md',
      'dev.to.md',
      'f.it.md',
    ]);
    const alone = files.filter(({ file }) => ['b.md', 'socket.io.md'].includes(file));
    expect(inLanguage(alone, 'en')).toBe(alone);
  });
});
