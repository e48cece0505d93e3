import { readFileSync } from 'node:fs';
import { buildIndex } from '../../src/core/content-index.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { mustParse } from './articles.js';
import { SEED_ARTICLE } from './paths.js';

/** The seed article's index, and one without tips. */
export const { index: CONTENT } = buildIndex([
  mustParse(readFileSync(SEED_ARTICLE, 'utf8'), 'content/seed.md', 'https://blog.example'),
]);
export const { index: NO_TIPS } = buildIndex([]);
export const tipId = (n: number) => `software-engineer-to-engineering-leader/tips/${n}`;

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Saturday 28 November 2026, 09:00 UTC: the schedule's slot. */
export const SLOT = Date.UTC(2026, 10, 28, 9);
export const GUILD = '1100000000000000002';
export const CHANNEL = '1100000000000000003';
/** The slot id (and nonce) of SLOT in GUILD. */
export const SLOT_ID = '8cv1gfspn1fm.htiv0';

/** A daily 09:00 UTC schedule due at SLOT, whose rotation (seed 1) walks tips 3, 2, 1, 0. */
export const RECORD: ScheduleRecord = {
  guildId: GUILD,
  channelId: CHANNEL,
  time: '09:00',
  timezone: 'UTC',
  frequency: 'daily',
  nextRunAt: SLOT,
  rotation: { seed: 1, posted: [] },
  updatedAt: SLOT - DAY,
};
