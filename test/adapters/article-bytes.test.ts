import { describe, expect, it } from 'vitest';
import { accessHint, readFailure } from '../../src/adapters/article-bytes.js';

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('why a file or folder could not be read', () => {
  it('GIVEN the system refused the bot its rights THEN the problem says which rights to give', () => {
    expect(readFailure(failure('EACCES'))).toBe(
      "cannot read the file (EACCES): the bot's user may not read it; let it (chmod a+r, or make the bot's user its owner)",
    );
    expect(readFailure(failure('EPERM'))).toMatch(
      /^cannot read the file \(EPERM\): the bot's user may not read it/,
    );
    expect(accessHint('EACCES', 'folder')).toBe(
      ": the bot's user may not list it; let it (chmod a+rx, or make the bot's user its owner)",
    );
  });

  it('GIVEN another failure THEN it is named without advice; GIVEN the file gone THEN no problem', () => {
    expect(readFailure(failure('EIO'))).toBe('cannot read the file (EIO)');
    expect(readFailure(failure('ENOENT'))).toBeUndefined();
    expect(accessHint('ENOTDIR', 'folder')).toBe('');
  });
});
