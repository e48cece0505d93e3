import { describe, expect, it } from 'vitest';
import { emojified } from '../../src/core/emoji.js';

describe('emojified', () => {
  it("GIVEN GitHub's shortcodes in a text THEN each known one is its emoji, as Hugo and jemoji make them; others as written", () => {
    expect(emojified(':wave: Hi, :+1: and :thumbsup:!')).toBe('👋 Hi, 👍 and 👍!');
    expect(emojified('ratio 1:2:3, 10:30, :notanemoji:, a:b')).toBe('ratio 1:2:3, 10:30, :notanemoji:, a:b');
    // A colon that closes no emoji may open the next one.
    expect(emojified('note:wave:')).toBe('note👋');
    expect(emojified(`:${'a'.repeat(100)}:wave:`)).toBe(`:${'a'.repeat(100)}👋`);
    expect(emojified('no colon')).toBe('no colon');
  });
});
