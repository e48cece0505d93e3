import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dataShapeProblem, MAX_DATA_DEPTH, MAX_DATA_VALUES } from '../../src/core/data-shape.js';

/** `value` inside `levels` lists, one in another. */
function wrapped(value: unknown, levels: number): unknown {
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}
const nested = (levels: number): unknown => wrapped(1, levels);

describe('dataShapeProblem', () => {
  it('GIVEN plain values, and lists and mappings up to the bound THEN nothing is wrong', () => {
    expect(dataShapeProblem('text')).toBeUndefined();
    expect(dataShapeProblem(null)).toBeUndefined();
    expect(
      dataShapeProblem({ title: 'T', tags: ['a', 'b'], cascade: { build: { render: 'never' } } }),
    ).toBeUndefined();
    // The outermost list is the data itself, no level below it.
    expect(dataShapeProblem(nested(MAX_DATA_DEPTH + 1))).toBeUndefined();
    expect(dataShapeProblem(Array.from({ length: MAX_DATA_VALUES - 1 }, () => 0))).toBeUndefined();
  });

  it('GIVEN one level past the bound, or 100,000 levels THEN too deep, without running out of stack', () => {
    expect(dataShapeProblem(nested(MAX_DATA_DEPTH + 2))).toBe('deep');
    expect(dataShapeProblem({ a: nested(MAX_DATA_DEPTH) })).toBeUndefined();
    expect(dataShapeProblem({ a: nested(MAX_DATA_DEPTH + 1) })).toBe('deep');
    expect(dataShapeProblem({ a: nested(100_000) })).toBe('deep');
  });

  it('GIVEN a list reached again deeper down (an alias) THEN its depth counts where it is reached', () => {
    const shared = nested(40);
    expect(dataShapeProblem({ near: shared })).toBeUndefined();
    // Walked once, at 41 levels; reached again 30 levels down, it is 71 deep there.
    expect(dataShapeProblem({ near: shared, far: wrapped(shared, 30) })).toBe('deep');
  });

  it('GIVEN a YAML alias bomb (nine levels of nine aliases) THEN too many values, found in a walk of its text’s size', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    expect(dataShapeProblem(yaml.load(lines.join('\n')))).toBe('large');
  });

  it('GIVEN TOML, whose values are no more than its text shows THEN they are not counted', () => {
    const many = { points: Array.from({ length: MAX_DATA_VALUES + 1 }, () => 0) };
    expect(dataShapeProblem(many)).toBe('large');
    expect(dataShapeProblem(many, { countValues: false })).toBeUndefined();
  });

  it('GIVEN a YAML alias inside what it names THEN a cycle, not a walk that never ends', () => {
    expect(dataShapeProblem(yaml.load('a: &x [1, *x]'))).toBe('cycle');
    expect(dataShapeProblem(yaml.load('a: &x\n  b: *x'))).toBe('cycle');
  });
});
