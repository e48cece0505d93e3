import { describe, expect, it } from 'vitest';
import { eleventyInputOf } from '../../src/core/eleventy-input.js';

describe('eleventyInputOf', () => {
  it('GIVEN an Eleventy configuration THEN the input folder its dir or setInputDirectory names as plain text, read without running it', () => {
    // eleventy-base-blog v9, as written.
    expect(
      eleventyInputOf(
        'export default async function(eleventyConfig) {}\nexport const config = {\n\tdir: { input: "content", includes: "../_includes", output: "_site" },\n};\n',
      ),
    ).toBe('content');
    // Eleventy 2's CommonJS, the object returned.
    expect(
      eleventyInputOf(
        "module.exports = function (eleventyConfig) {\n  return { dir: { output: '_site', 'input': `src` } };\n};\n",
      ),
    ).toBe('src');
    expect(
      eleventyInputOf(
        'export default function (eleventyConfig) {\n  eleventyConfig.setInputDirectory("pages");\n}\n',
      ),
    ).toBe('pages');
  });

  it('GIVEN a configuration that sets no input folder as plain text, or is no JavaScript THEN none', () => {
    for (const source of [
      'export default function () {}\n',
      'const input = "src";\nexport const config = { dir: { input } };\n',
      'export const config = { dir: { input: `${process.env.SRC}` } };\n',
      'module.exports = (c) => { c.setInputDirectory(folder); };\n',
      'export default function (c: UserConfig): void {}\nexport const config = { dir: { input: "src" } } as const;\n',
      'this is { not JavaScript',
    ])
      expect(eleventyInputOf(source), source).toBeUndefined();
  });
});
