import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { DISCORD_LIMITS as L } from '../../src/core/limits.js';
import type { MessagePayload } from '../../src/core/payload.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const button = (customId: string): Row => ({
  type: ComponentType.ActionRow,
  components: [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: customId },
  ],
});

const select = (customId: string): Row => ({
  type: ComponentType.ActionRow,
  components: [
    { type: ComponentType.StringSelect, custom_id: customId, options: [{ label: 'A', value: 'a' }] },
  ],
});

const message = (...rows: Row[]): MessagePayload => ({ content: 'Hi', components: rows });

describe('messageLimitViolations on custom_ids', () => {
  it('GIVEN a button or a select menu in a row with an id of 101 characters THEN each is reported with its length', () => {
    const id = 'x'.repeat(L.customId + 1);
    for (const row of [button(id), select(id)]) {
      expect(messageLimitViolations(message(row))).toEqual([
        expect.stringMatching(/^custom_id "x+…" has 101 characters, not 1 to 100$/),
      ]);
    }
  });

  it('GIVEN an empty id THEN it is reported', () => {
    expect(messageLimitViolations(message(select('')))).toEqual([
      'custom_id "" has 0 characters, not 1 to 100',
    ]);
  });

  it('GIVEN 100 emoji (200 UTF-16 units) THEN it fits: Discord counts code points, as JSON Schema’s maxLength does', () => {
    expect(messageLimitViolations(message(button('🚀'.repeat(L.customId))))).toEqual([]);
  });

  it('GIVEN one id in a button and a select menu of two rows THEN it is reported as used twice', () => {
    expect(messageLimitViolations(message(button('same'), select('same')))).toEqual([
      'custom_id "same" is used twice',
    ]);
  });
});
