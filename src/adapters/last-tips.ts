import pTimeout from 'p-timeout';
import type { Logger } from './logger.js';
import { keyedSerial } from './keyed-serial.js';
import type { KeyValue } from './store.js';

/**
 * How long an answer waits for the store to say the last tip: a store that cannot be reached (Redis
 * restarting) would otherwise keep the answer past Discord's 3 seconds. A repeat is the lesser harm.
 */
const READ_TIMEOUT_MS = 1000;
/**
 * How long a choice waits before it is stored: a channel's /tip in a burst makes one write, which
 * then runs beside no answer. A crash loses at most this much, and a repeat is the worst of that.
 */
const WRITE_BEHIND_MS = 1000;

/**
 * The last tip /tip showed in each channel, so that the next one differs. Choosing is serialised
 * per channel and remembered in memory before the answer goes out: two /tip within one round trip
 * (a double click, two people at once) each see the other's choice. The store write, which makes
 * it survive a restart, comes after the answer, a channel's choices of a second in one write (and
 * {@link close} stores them all before the store closes). Correct for one process, which owns the token.
 */
export class LastTips {
  private readonly memory = new Map<string, string>();
  private readonly serial = keyedSerial();
  /** Store writes, in order per channel: two answers may come back in either order. */
  private readonly writes = keyedSerial();
  /** The channels whose choice is shown and not stored yet, with it. */
  private readonly unstored = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** The writes of every flush so far, done when they all are. */
  private flushed: Promise<void> = Promise.resolve();
  /** Closed (see close): a choice shown after is stored at once, not a second later. */
  private closing = false;

  constructor(
    private readonly store: KeyValue<string>,
    private readonly logger: Logger,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * Calls `choose` with the channel's last tip id and remembers what it chose. `persist` has it
   * stored within a second; call it once the choice was shown (a tip whose answer failed was never
   * seen). A tip shown only to its asker (`toChannel` false) is not the channel's: not remembered.
   */
  choose<T extends { readonly id: string }>(
    place: string,
    choose: (last: string | undefined) => T | undefined,
    { toChannel = true }: { toChannel?: boolean } = {},
  ): Promise<{ chosen: T | undefined; persist: () => void }> {
    return this.serial(place, async () => {
      const chosen = choose(await this.last(place));
      if (chosen === undefined || !toChannel) return { chosen, persist: () => undefined };
      this.remember(place, chosen.id);
      // The channel's latest choice, whichever answer comes back first.
      const persist = (): void => {
        this.unstored.set(place, this.memory.get(place) ?? chosen.id);
        if (this.closing) void this.flush();
        else this.timer ??= setTimeout(() => void this.flush(), WRITE_BEHIND_MS).unref();
      };
      return { chosen, persist };
    });
  }

  /**
   * Stores the choices shown and not stored yet; resolves once they, and those of the flushes before
   * (a timer's, still writing), are written (or failed, logged).
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const choices = [...this.unstored];
    this.unstored.clear();
    const writes = choices.map(([place, id]) =>
      this.writes(place, () => this.store.set(place, id)).then(
        () => undefined,
        (err: unknown) => this.logger.warn({ err }, 'could not store the last tip'),
      ),
    );
    // Without their values: each flush's would hold the one before, a list growing every second.
    this.flushed = Promise.all([this.flushed, ...writes]).then(() => undefined);
    await this.flushed;
  }

  /** Before the store closes: stores what waits, and from now on each choice at once. */
  close(): Promise<void> {
    this.closing = true;
    return this.flush();
  }

  private async last(place: string): Promise<string | undefined> {
    const known = this.memory.get(place);
    if (known !== undefined) return known;
    try {
      const stored = await pTimeout(this.store.get(place), { milliseconds: READ_TIMEOUT_MS });
      if (stored !== undefined) this.remember(place, stored);
      return stored;
    } catch (err) {
      this.logger.warn({ err }, 'could not read the last tip; a repeat is possible');
      return undefined;
    }
  }

  private remember(place: string, id: string): void {
    this.memory.delete(place);
    this.memory.set(place, id);
    // A Map keeps insertion order: the first key is the least recently used.
    if (this.memory.size > this.maxEntries) this.memory.delete(this.memory.keys().next().value ?? '');
  }
}
