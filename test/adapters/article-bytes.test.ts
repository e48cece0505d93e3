import { describe, expect, it } from 'vitest';
import { accessHint, readFailure } from '../../src/adapters/article-bytes.js';

const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('why a file or folder could not be read', () => {
  it('GIVEN the system refused the bot its rights THEN the problem says which rights to give, here and above', () => {
    expect(readFailure(failure('EACCES'))).toBe(
      "cannot read the file (EACCES): the bot's user must be let read it (r), and enter every folder above it (x); `namei -l <path>` shows which one refuses",
    );
    expect(accessHint('EACCES', 'folder')).toBe(
      ": the bot's user must be let list it (r, x), and enter every folder above it (x); `namei -l <path>` shows which one refuses",
    );
    // No right helps against EPERM.
    expect(readFailure(failure('EPERM'))).toBe(
      'cannot read the file (EPERM): the system forbids it (a file attribute or a security policy), not its rights',
    );
  });

  it('GIVEN another failure THEN it is named without advice; GIVEN the file gone THEN no problem', () => {
    expect(readFailure(failure('EIO'))).toBe('cannot read the file (EIO)');
    expect(readFailure(failure('ENOENT'))).toBeUndefined();
    expect(accessHint('ENOTDIR', 'folder')).toBe('');
  });
});
