import { describe, expect, it } from 'vitest';
import { closestTags, tagKey } from '../../src/core/tags.js';

describe('tag matching', () => {
  it('GIVEN different case, spaces, hyphens and underscores THEN the tags are the same', () => {
    const key = tagKey('engineering leadership');
    for (const spelling of [
      'Engineering-Leadership',
      'ENGINEERING_LEADERSHIP',
      ' engineering  leadership ',
      'engineeringleadership',
    ]) {
      expect(tagKey(spelling)).toBe(key);
    }
  });

  it('GIVEN different words THEN the tags differ', () => {
    expect(tagKey('engineering')).not.toBe(tagKey('engineering leadership'));
  });
});

describe('closestTags', () => {
  const known = ['engineering leadership', 'career growth', 'hiring', 'management'];

  it('GIVEN a typo THEN suggests the tag it is close to', () => {
    expect(closestTags('enginering leadersip', known)).toEqual(['engineering leadership']);
    expect(closestTags('hirng', known)).toEqual(['hiring']);
  });

  it('GIVEN part of a tag THEN suggests the tags containing it', () => {
    expect(closestTags('leadership', known)).toEqual(['engineering leadership']);
  });

  it('GIVEN nothing close THEN suggests nothing', () => {
    expect(closestTags('kubernetes', known)).toEqual([]);
  });
});
