import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../src/core/render/help.js';
import { COMMANDS } from '../../commands/index.js';

const description = (count: number): string =>
  renderHelp(
    COMMANDS.map((command) => command.data.toJSON()),
    count,
  ).embeds?.[0]?.description ?? '';

describe('renderHelp', () => {
  it('GIVEN articles THEN it says how many, and a line for each command', () => {
    expect(description(1)).toMatch(/^I share career advice from 1 article for engineers/);
    expect(description(12)).toMatch(/from 12 articles/);
    expect(description(12)).toContain('**/tips');
  });

  it('GIVEN no article loaded (all removed while it runs) THEN it says so and what to do, not "0 articles"', () => {
    expect(description(0)).not.toMatch(/0 articles/);
    expect(description(0)).toMatch(/none is loaded yet: .*content folder/);
  });
});
