import { INVISIBLE_CHARS } from './invisible.js';
import { typoDistance } from './typo-distance.js';

/** What a tag's key leaves out: separators, and invisible characters (see {@link tagKey}). */
const LEFT_OUT = new RegExp(`[\\s\\-_${INVISIBLE_CHARS}]+`, 'gu');

/**
 * Tags match ignoring case, spaces, hyphens and underscores, and invisible characters (a zero-width
 * space, an emoji's variation selector): "engineering leadership" = "Engineering-Leadership", and
 * `❤️` = `❤`, which differ by a U+FE0F that keyboards add or leave out. A hashtag's `#` before it
 * (`#management`, as people type a tag) is no part of it either; a `#` alone, after (`C#`) or a
 * keycap's (`#️⃣`) is.
 */
export function tagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().replace(LEFT_OUT, '').replace(HASH_SIGN, '');
}

/** The `#` signs that open a hashtag, with something after them. */
const HASH_SIGN = /^#+(?=[^\u20E3])/su;

/**
 * How many tags, at most, are searched for a typo from one of their words' starts: those lacking the
 * fewest of the letters typed, then the most used. That search costs hundreds of distances a tag, and
 * 5,000 tags holding every letter took 140 ms; a blog has far fewer such tags.
 */
const MAX_TYPO_TAGS = 100;

/**
 * The known tags closest to what was typed, best first, at most `limit`: those starting with it, then
 * those holding it (or whose words it holds), then those it is a few typos from, whole or from the
 * start of one of their words (`mentr`: "mentorship", `leadrship`: "engineering leadership"); among
 * equals, in the order given (most used first). A typo is allowed in every three letters typed (in
 * every three of the longer, for a whole tag). None when none is close: an unrelated tag is noise.
 */
export function closestTags(query: string, known: readonly string[], limit = 3): string[] {
  const key = tagKey(query);
  if (key === '') return [];
  const typed = Array.from(key);
  const typedWords = ` ${tagWords(query).join(' ')} `;
  const allowed = Math.floor(typed.length / 3);
  const shared = sharedLetters(typed);
  const scored: Scored[] = [];
  const fromWords: Searched[] = [];
  for (const [order, tag] of known.entries()) {
    const words = tagWords(tag);
    const candidate = words.join('');
    if (candidate.startsWith(key)) scored.push({ tag, order, rank: 0, typos: 0 });
    // Its words among those typed (`mentorship program`), but not its letters inside one ("go" in
    // `mongodb`); and what was typed inside it from two letters: one letter is inside most tags.
    else if ((typed.length > 1 && candidate.includes(key)) || typedWords.includes(` ${words.join(' ')} `))
      scored.push({ tag, order, rank: 1, typos: 0 });
    else {
      const letters = Array.from(candidate);
      // A typo mends at most one letter: the letters typed that the tag lacks are as many typos at
      // least, anywhere in it. Most tags are cut here, before any distance is worked out.
      const missing = typed.length - shared(letters, 0, letters.length);
      const wholeAllowed = Math.floor(Math.max(typed.length, letters.length) / 3);
      let typos = Infinity;
      if (Math.max(missing, Math.abs(typed.length - letters.length)) <= wholeAllowed) {
        const whole = typoDistance(key, candidate, wholeAllowed);
        if (whole <= wholeAllowed) typos = whole;
      }
      const entry = { tag, order, rank: 2, typos };
      scored.push(entry);
      if (allowed > 0 && missing <= allowed && typos > 0)
        fromWords.push(Object.assign(entry, { words, letters, candidate, missing }));
    }
  }
  const searched = fromWords
    .sort((a, b) => a.missing - b.missing || a.order - b.order)
    .slice(0, MAX_TYPO_TAGS);
  for (const entry of searched) {
    const { words, letters, candidate } = entry;
    // Code unit offsets of its letters, to slice the text itself (an emoji is two units, one letter).
    const units = [0];
    for (const letter of letters) units.push((units.at(-1) ?? 0) + letter.length);
    // From each word's start: the tag's text a few letters shorter or longer than what was typed.
    let start = 0;
    for (const word of words) {
      if (entry.typos === 0 || letters.length - start < typed.length - allowed) break;
      const longest = Math.min(typed.length + allowed, letters.length - start);
      if (typed.length - shared(letters, start, start + longest) <= allowed)
        for (let length = typed.length - allowed; length <= longest; length++) {
          const found = typoDistance(key, candidate.slice(units[start], units[start + length]), allowed);
          if (found <= allowed) entry.typos = Math.min(entry.typos, found);
        }
      start += Array.from(word).length;
    }
  }
  return scored
    .filter(({ typos }) => typos !== Infinity)
    .sort((a, b) => a.rank - b.rank || a.typos - b.typos || a.order - b.order)
    .slice(0, limit)
    .map(({ tag }) => tag);
}

/** A tag that may be named, by how close it is; `typos` Infinity when it is not close. */
interface Scored {
  readonly tag: string;
  readonly order: number;
  readonly rank: number;
  typos: number;
}

/** A tag to search for a typo from its words' starts, with the letters typed it lacks. */
interface Searched extends Scored {
  readonly words: readonly string[];
  readonly letters: readonly string[];
  readonly candidate: string;
  readonly missing: number;
}

/**
 * How many of the letters typed `letters[from, to)` holds, each letter counted as often as typed:
 * what is typed and not among them needs a typo each.
 */
function sharedLetters(
  typed: readonly string[],
): (letters: readonly string[], from: number, to: number) => number {
  const slots = new Map<string, number>();
  for (const letter of typed) if (!slots.has(letter)) slots.set(letter, slots.size);
  const wanted = new Int32Array(slots.size);
  for (const letter of typed) {
    const slot = slots.get(letter) ?? 0;
    wanted[slot] = (wanted[slot] ?? 0) + 1;
  }
  // Reused from call to call: a Map per tag cost more than the distances it spares.
  const left = new Int32Array(slots.size);
  return (letters, from, to) => {
    left.set(wanted);
    let found = 0;
    for (let index = from; index < to; index++) {
      const slot = slots.get(letters[index] ?? '');
      const count = slot === undefined ? 0 : (left[slot] ?? 0);
      if (slot !== undefined && count > 0) {
        left[slot] = count - 1;
        found++;
      }
    }
    return found;
  };
}

/** What a tag's key leaves out inside a word (see {@link tagKey}). */
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]+`, 'gu');

/** A tag's words as {@link tagKey} reads them: it is them written together. */
function tagWords(tag: string): string[] {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\-_]+/u)
    .map((word) => word.replace(INVISIBLE, ''))
    .filter((word) => word !== '');
}
