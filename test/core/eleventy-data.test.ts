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
  });

  it('GIVEN a data file THEN the fields the bot reads, keys in lower case; others, a list or a value give nothing', () => {
    expect(
      readDataFile('\uFEFF{"Permalink": "/x/", "layout": "post", "TAGS": ["a"], "items": [1, 2]}'),
    ).toEqual({
      ok: true,
      fields: { permalink: '/x/', tags: ['a'] },
    });
    expect(readDataFile('[1, 2]')).toEqual({ ok: true, fields: {} });
    expect(readDataFile('"text"')).toEqual({ ok: true, fields: {} });
    // A prototype key is data like any other, never the object's prototype.
    const read = readDataFile('{"__proto__": {"title": "x"}, "title": "T"}');
    expect(read).toEqual({ ok: true, fields: { title: 'T' } });
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
  });
});
