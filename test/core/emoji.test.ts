import { describe, expect, it } from 'vitest';
import { emojified } from '../../src/core/emoji.js';

describe('emojified', () => {
  it("GIVEN GitHub's shortcodes in a text THEN each known one is its emoji, as Hugo and jemoji make them; others as written", () => {
    expect(emojified(':wave: Hi, :+1: and :thumbsup:!')).toBe('👋 Hi, 👍 and 👍!');
    expect(emojified('ratio 1:2:3, 10:30, :notanemoji:, a:b')).toBe('ratio 1:2:3, 10:30, :notanemoji:, a:b');
    // Apart from the words around it only, as jemoji reads them: not in an address, nor in `host:dog:file`.
    expect(emojified('note:wave: http://x.example/a:ok:b host:dog:file (:dog:)')).toBe(
      'note:wave: http://x.example/a:ok:b host:dog:file (🐶)',
    );
    // Object's own names are no emoji's.
    expect(emojified('MyClass::constructor::call, :toString:, :__proto__:, :hasOwnProperty:')).toBe(
      'MyClass::constructor::call, :toString:, :__proto__:, :hasOwnProperty:',
    );
    // Nor a part of a path, but after an emoji.
    expect(emojified('std::thread::spawn, serde::de::Error, a::b::c, :tada::tada:')).toBe(
      'std::thread::spawn, serde::de::Error, a::b::c, 🎉🎉',
    );
    expect(emojified('no colon')).toBe('no colon');
  });
});
