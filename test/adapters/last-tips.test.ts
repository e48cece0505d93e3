import { afterEach, describe, expect, it, vi } from 'vitest';
import { LastTips } from '../../src/adapters/last-tips.js';
import { createLogger } from '../../src/adapters/logger.js';
import type { KeyValue } from '../../src/adapters/store.js';

const logger = createLogger({ level: 'silent' });
const tip = (id: string) => ({ id });

/** A store in memory, and what it holds. */
function memoryStore(): { stored: Map<string, string>; store: KeyValue<string> } {
  const stored = new Map<string, string>();
  return {
    stored,
    store: {
      get: (key) => Promise.resolve(stored.get(key)),
      set: (key, value) => {
        stored.set(key, value);
        return Promise.resolve(true);
      },
    },
  };
}

describe('LastTips', () => {
  it('GIVEN two choices whose answers come back in the other order THEN the store ends with the later choice', async () => {
    const { stored, store } = memoryStore();
    const tips = new LastTips(store, logger);
    const first = await tips.choose('channel', () => tip('a'));
    const second = await tips.choose('channel', (last) => (last === 'a' ? tip('b') : tip('a')));
    expect(second.chosen).toEqual(tip('b'));
    // The second answer arrived first.
    second.persist();
    first.persist();
    await tips.flush();
    expect(stored.get('channel')).toBe('b');
    // A new process reads it back.
    const restarted = new LastTips(store, logger);
    expect(
      (await restarted.choose('channel', (last) => (last === undefined ? undefined : tip(last)))).chosen,
    ).toEqual(tip('b'));
  });

  it("GIVEN a tip shown only to its asker (private) THEN it is not the channel's last: the next public one differs from the last the channel saw", async () => {
    const { stored, store } = memoryStore();
    const tips = new LastTips(store, logger);
    (await tips.choose('channel', () => tip('a'))).persist();
    const hidden = await tips.choose('channel', () => tip('b'), { toChannel: false });
    hidden.persist();
    const seen: (string | undefined)[] = [];
    (
      await tips.choose('channel', (last) => {
        seen.push(last);
        return tip('c');
      })
    ).persist();
    expect([hidden.chosen, seen]).toEqual([tip('b'), ['a']]);
    await tips.flush();
    expect(stored.get('channel')).toBe('c');
  });

  it('GIVEN many /tip in a channel within a second THEN one write, of the last choice, a second after the first', async () => {
    vi.useFakeTimers();
    const writes: [string, string][] = [];
    const store: KeyValue<string> = {
      get: () => Promise.resolve(undefined),
      set: (key, value) => {
        writes.push([key, value]);
        return Promise.resolve(true);
      },
    };
    const tips = new LastTips(store, logger);
    for (const id of ['a', 'b', 'c']) (await tips.choose('channel', () => tip(id))).persist();
    (await tips.choose('other', () => tip('x'))).persist();
    await vi.advanceTimersByTimeAsync(999);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([
      ['channel', 'c'],
      ['other', 'x'],
    ]);
    // The next choice waits its own second.
    (await tips.choose('channel', () => tip('d'))).persist();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes.at(-1)).toEqual(['channel', 'd']);
    expect(writes).toHaveLength(3);
  });

  it('GIVEN a timer write still under way THEN close waits for it; a choice shown after close is written at once', async () => {
    vi.useFakeTimers();
    const writes: [string, string][] = [];
    let release = (): void => undefined;
    const store: KeyValue<string> = {
      get: () => Promise.resolve(undefined),
      set: (key, value) =>
        new Promise<boolean>((resolve) => {
          writes.push([key, value]);
          release = () => resolve(true);
        }),
    };
    const tips = new LastTips(store, logger);
    (await tips.choose('channel', () => tip('a'))).persist();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual([['channel', 'a']]);
    let closed = false;
    const closing = tips.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    release();
    await closing;
    // An answer that comes back after the close: its choice is stored at once.
    (await tips.choose('other', () => tip('b'))).persist();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.at(-1)).toEqual(['other', 'b']);
  });

  it('GIVEN a store that does not answer (Redis restarting) THEN the choice goes on without the last tip after a second', async () => {
    vi.useFakeTimers();
    const store: KeyValue<string> = {
      get: () => new Promise<string | undefined>(() => undefined),
      set: () => Promise.resolve(true),
    };
    const tips = new LastTips(store, logger);
    const seen: (string | undefined)[] = [];
    const choosing = tips.choose('channel', (last) => {
      seen.push(last);
      return tip('a');
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await choosing).chosen).toEqual(tip('a'));
    expect(seen).toEqual([undefined]);
  });
});

afterEach(() => {
  vi.useRealTimers();
});
