import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../src/env.js';

const NAMES = [
  'CAREERBOT_TEST_EMPTY',
  'CAREERBOT_TEST_SET',
  'CAREERBOT_TEST_UNSET',
  'CAREERBOT_TEST_AFTER',
  'CAREERBOT_TEST_LINES',
  'careerbot.test-dotted',
] as const;
const dirs: string[] = [];
afterEach(() => {
  for (const name of NAMES) Reflect.deleteProperty(process.env, name);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadDotEnv', () => {
  it('GIVEN a .env and variables already set THEN set ones win, unset and empty ones come from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    dirs.push(dir);
    const file = join(dir, '.env');
    writeFileSync(
      file,
      '# comment\nCAREERBOT_TEST_EMPTY=from-file\nCAREERBOT_TEST_SET=from-file\nCAREERBOT_TEST_UNSET="quoted value"\n',
    );
    process.env.CAREERBOT_TEST_EMPTY = '';
    process.env.CAREERBOT_TEST_SET = 'from-environment';
    expect(loadDotEnv(file)).toEqual([]);
    expect(process.env.CAREERBOT_TEST_EMPTY).toBe('from-file');
    expect(process.env.CAREERBOT_TEST_SET).toBe('from-environment');
    expect(process.env.CAREERBOT_TEST_UNSET).toBe('quoted value');
  });

  it('GIVEN a line that is not KEY=value THEN it is reported by its number, and the next line is still read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    dirs.push(dir);
    const file = join(dir, '.env');
    writeFileSync(
      file,
      'garbage line without equals\nCAREERBOT_TEST_AFTER=abc\n\n  # indented comment\nexport CAREERBOT_TEST_SET=exported\nCAREERBOT_TEST_LINES="first\nnot an assignment, but inside quotes\n"\nCAREERBOT_TEST_UNSET\n',
    );
    expect(loadDotEnv(file)).toEqual([
      `${file}:1: not a KEY=value line (a comment starts with #)`,
      `${file}:9: not a KEY=value line (a comment starts with #)`,
    ]);
    expect(process.env.CAREERBOT_TEST_AFTER).toBe('abc');
    expect(process.env.CAREERBOT_TEST_SET).toBe('exported');
    expect(process.env.CAREERBOT_TEST_LINES).toBe('first\nnot an assignment, but inside quotes\n');
    expect(process.env.CAREERBOT_TEST_UNSET).toBeUndefined();
  });

  it("GIVEN names the bot does not use, with dots or hyphens (a compose file's) THEN they are read, not refused", () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    dirs.push(dir);
    const file = join(dir, '.env');
    writeFileSync(file, 'careerbot.test-dotted=1\nCAREERBOT_TEST_AFTER=abc\n');
    expect(loadDotEnv(file)).toEqual([]);
    expect(process.env['careerbot.test-dotted']).toBe('1');
    expect(process.env.CAREERBOT_TEST_AFTER).toBe('abc');
  });

  it('GIVEN no .env THEN nothing changes', () => {
    expect(loadDotEnv(join(tmpdir(), 'no-such-dir-careerbot', '.env'))).toEqual([]);
    expect(process.env.CAREERBOT_TEST_UNSET).toBeUndefined();
  });
});
