import { describe, expect, it } from 'vitest';
import { dataFileRole, joinedTags, mergeDataLevels, readDataFile } from '../../src/core/eleventy-data.js';

describe("Eleventy's data files", () => {
  it("GIVEN a JSON file's name THEN its folder's (named after it, .11tydata too), else a template's by name", () => {
    expect(dataFileRole('posts.json', 'posts')).toEqual({ folder: true });
    expect(dataFileRole('posts.11tydata.json', 'posts')).toEqual({ folder: true });
    expect(dataFileRole('hello.11tydata.json', 'posts')).toEqual({ template: 'hello' });
    expect(dataFileRole('hello.json', 'posts')).toEqual({ template: 'hello' });
    // Code is never run: a .11tydata.js is no data file here.
    expect(dataFileRole('posts.11tydata.js', 'posts')).toBeUndefined();
    expect(dataFileRole('posts.yaml', 'posts')).toBeUndefined();
    // Named as Eleventy names them, case and all.
    expect(dataFileRole('posts.JSON', 'posts')).toBeUndefined();
    expect(dataFileRole('Posts.json', 'posts')).toEqual({ template: 'Posts' });
  });

  it('GIVEN a data file THEN the fields the bot reads, keys in lower case; others, a list, a value or nothing give nothing', () => {
    expect(
      readDataFile('\uFEFF{"Permalink": "/x/", "layout": "post", "TAGS": ["a"], "items": [1, 2]}'),
    ).toEqual({ ok: true, fields: { permalink: '/x/', tags: ['a'] }, problems: [] });
    for (const text of ['[1, 2]', '"text"', '', ' \n'])
      expect(readDataFile(text), text).toEqual({ ok: true, fields: {}, problems: [] });
    // A prototype key is data like any other, never the object's prototype.
    const read = readDataFile('{"__proto__": {"title": "x"}, "title": "T"}');
    expect(read).toEqual({ ok: true, fields: { title: 'T' }, problems: [] });
  });

  it("GIVEN fields every post below would share THEN an address, a slug or Eleventy's object permalink are not read; navigation is kept as present", () => {
    expect(
      readDataFile(
        '{"url": "/x/", "slug": "x", "permalink": {"build": "/x/"}, "eleventyNavigation": {"key": "About"}}',
      ),
    ).toEqual({ ok: true, fields: { eleventynavigation: true }, problems: [] });
    expect(readDataFile('{"permalink": false, "draft": "yes", "published": {}}')).toEqual({
      ok: true,
      fields: { permalink: false, draft: 'yes' },
      problems: [],
    });
    // Eleventy 3's list of the collections a page is left out of: its names.
    expect(readDataFile('{"eleventyExcludeFromCollections": ["posts", 3]}')).toEqual({
      ok: true,
      fields: { eleventyexcludefromcollections: ['posts'] },
      problems: [],
    });
  });

  it("GIVEN eleventyComputed THEN only its permalink written as is (text or false) is read; a function's or a bad one's is not", () => {
    expect(
      readDataFile('{"eleventyComputed": {"permalink": "/p/{{ page.fileSlug }}/", "title": "x"}}'),
    ).toEqual({
      ok: true,
      fields: { eleventycomputed: { permalink: '/p/{{ page.fileSlug }}/' } },
      problems: [],
    });
    expect(readDataFile('{"eleventyComputed": {"permalink": false}}')).toMatchObject({
      fields: { eleventycomputed: { permalink: false } },
    });
    for (const text of ['{"eleventyComputed": {"title": "x"}}', '{"eleventyComputed": "x"}'])
      expect(readDataFile(text), text).toEqual({ ok: true, fields: {}, problems: [] });
    expect(readDataFile(`{"eleventyComputed": {"permalink": "/${'x'.repeat(600)}/"}}`)).toMatchObject({
      fields: {},
      problems: [{ key: 'eleventyComputed' }],
    });
  });

  it('GIVEN a field no post could be read with THEN a problem by its key as written, the field left out; tags keep their texts', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const read = readDataFile(
      `{"Date": "nonsense", "title": {}, "sections": {"tips": 5}, "tags": ["a", {}, 3, ${deep}], "categories": {"x": 1}}`,
    );
    expect(read).toMatchObject({
      ok: true,
      fields: { tags: ['a', 3] },
      problems: [
        { key: 'Date', message: expect.stringMatching(/^expected/) as string },
        { key: 'title', message: 'expected a title (text)' },
        { key: 'sections', message: expect.any(String) as string },
        { key: 'categories', message: 'expected a list of tags, like ["posts", "career"], or a text' },
      ],
    });
    // An address too long for any post is said once, at the data file.
    expect(readDataFile(`{"permalink": "/${'x'.repeat(600)}/"}`)).toMatchObject({
      fields: {},
      problems: [{ key: 'permalink' }],
    });
  });

  it('GIVEN a data file that is no JSON THEN the line of the mistake, counted from 1, and why', () => {
    const read = readDataFile('{\r\n  "a": 1,\r\n  "b": [x]\r\n}\r\n');
    expect(read).toMatchObject({ ok: false, line: 3 });
    expect(!read.ok && read.reason).not.toMatch(/\n/);
    expect(readDataFile('{"a": 1,')).toMatchObject({ ok: false, line: 1 });
  });

  it('GIVEN levels from the farthest down THEN a nearer key wins, tags are joined (a text is one tag), empty levels give nothing', () => {
    expect(mergeDataLevels([])).toBeUndefined();
    expect(mergeDataLevels([{}, {}])).toBeUndefined();
    expect(
      mergeDataLevels([
        { permalink: '/a/', tags: 'site' },
        {},
        { permalink: '/b/', tags: ['posts', 'x'], draft: false },
        { title: 'T' },
      ]),
    ).toEqual({ permalink: '/b/', tags: ['site', 'posts', 'x'], draft: false, title: 'T' });
    // A nearer value that is no list or text stands as written (the front matter checks it).
    expect(mergeDataLevels([{ tags: ['a'] }, { tags: 3 }])).toEqual({ tags: 3 });
    expect(joinedTags(undefined, ['a'])).toBeUndefined();
    expect(joinedTags('a', 'b c')).toEqual(['a', 'b c']);
    // `tags:` written empty is no tags of its own, as Eleventy reads it: the others stay.
    expect(joinedTags(['keep'], null)).toEqual(['keep']);
    expect(mergeDataLevels([{ tags: ['keep'] }, { tags: null }])).toEqual({ tags: ['keep'] });
    // Categories are lists Eleventy joins as well.
    expect(mergeDataLevels([{ categories: ['a'] }, { categories: 'b', category: 'c' }])).toEqual({
      categories: ['a', 'b'],
      category: 'c',
    });
    // A blank tags text is none; blank entries are left out.
    expect(readDataFile('{"tags": "", "categories": ["", " ", "x"]}')).toMatchObject({
      fields: { tags: [], categories: ['x'] },
    });
  });
});
