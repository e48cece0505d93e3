import { vi } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';

/** Polls until `condition` holds; on timeout the error says what was awaited and the last requests. */
export async function until(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
  emulator?: DiscordEmulator,
): Promise<void> {
  await vi.waitFor(
    () => {
      if (condition()) return;
      const recent = emulator?.describeRequests().split('\n').slice(-15).join('\n') ?? '';
      throw new Error(`timed out waiting for ${what}${recent === '' ? '' : `\n${recent}`}`);
    },
    { timeout: timeoutMs, interval: 10 },
  );
}
