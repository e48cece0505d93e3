import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eleventyInputFolder } from '../../src/adapters/eleventy-input-folder.js';

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'eleventy-input-'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const configure = (name: string, input: string): void =>
  writeFileSync(join(project, name), `export const config = { dir: { input: ${JSON.stringify(input)} } };\n`);

describe('eleventyInputFolder', () => {
  it('GIVEN an Eleventy project whose configuration names a folder inside it THEN that folder, and the setting', async () => {
    mkdirSync(join(project, 'content'));
    configure('eleventy.config.js', './content/');
    expect(await eleventyInputFolder(project)).toEqual({
      dir: join(project, 'content'),
      setting: 'eleventy.config.js dir.input',
    });
    // Eleventy's first configuration is the one it reads.
    configure('.eleventy.js', 'content');
    expect((await eleventyInputFolder(project))?.setting).toBe('.eleventy.js dir.input');
  });

  it('GIVEN the project itself, a folder outside it or none, or no configuration THEN none: the folder is read as it is', async () => {
    expect(await eleventyInputFolder(project)).toBeUndefined();
    for (const input of ['.', '..', '../elsewhere', '/abs', 'missing', '']) {
      configure('eleventy.config.mjs', input);
      expect(await eleventyInputFolder(project), input).toBeUndefined();
    }
    writeFileSync(join(project, 'file'), 'x');
    configure('eleventy.config.mjs', 'file');
    expect(await eleventyInputFolder(project)).toBeUndefined();
  });
});
