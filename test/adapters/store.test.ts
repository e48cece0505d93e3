import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { openStores } from '../../src/adapters/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
  it('GIVEN a path in a folder that does not exist THEN creates both, and values survive a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const url = 'sqlite://./nested/data/bot.sqlite';
    const logger = createLogger({ level: 'silent' });

    const first = openStores(url, logger, dir);
    await first.lastTip.set('channel-1', 'slug/tips/2');
    await first.close();
    expect(existsSync(join(dir, 'nested/data/bot.sqlite'))).toBe(true);

    const second = openStores(url, logger, dir);
    expect(await second.lastTip.get('channel-1')).toBe('slug/tips/2');
    expect(await second.lastTip.get('channel-2')).toBeUndefined();
    await second.close();
  });
});
