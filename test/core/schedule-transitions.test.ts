import { describe, expect, it } from 'vitest';
import {
  renderNextPost,
  renderSchedulePreview,
  renderScheduleResumed,
  renderScheduleSet,
  renderScheduleShow,
  SCHEDULE_TEXT,
} from '../../src/core/render/schedule.js';
import { renderTip } from '../../src/core/render/tip.js';
import type { ScheduleRecord, SlotInFlight } from '../../src/core/schedule-record.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import {
  beginSlot,
  failSlot,
  finishSlot,
  leftServer,
  NONCE_MEMORY_MS,
  pauseSchedule,
  planSlot,
  refuseSlot,
  removeSchedule,
  resumeSchedule,
  setSchedule,
  skipSlot,
} from '../../src/core/schedule-transitions.js';
import {
  CHANNEL,
  CONTENT,
  DAY,
  GUILD,
  HOUR,
  MINUTE,
  NO_TIPS,
  RECORD,
  SECOND,
  SLOT,
  SLOT_ID,
  tipId,
} from '../helpers/schedule-fixtures.js';

const content = CONTENT;
const empty = NO_TIPS;
const TIPS = content.items('tips');
const tip = (n: number) => {
  const found = content.item(tipId(n));
  if (found === undefined) throw new Error(`no tip ${n}`);
  return found;
};

const IN_FLIGHT: SlotInFlight = {
  slot: SLOT_ID,
  slotAt: SLOT,
  tipId: tipId(3),
  startedAt: SLOT,
  attempts: 0,
};

describe('/schedule set, pause, resume, remove', () => {
  const settings = {
    guildId: GUILD,
    channelId: CHANNEL,
    rule: { time: '09:00', timezone: 'UTC', frequency: 'daily', day: undefined },
    rotation: { seed: 42, posted: [] },
  } as const;

  it('GIVEN no schedule THEN set creates one with the new rotation, due at the first run after now', () => {
    expect(setSchedule(undefined, settings, SLOT - HOUR)).toEqual({
      time: '09:00',
      timezone: 'UTC',
      frequency: 'daily',
      day: undefined,
      guildId: GUILD,
      channelId: CHANNEL,
      nextRunAt: SLOT,
      rotation: { seed: 42, posted: [] },
      lastPost: undefined,
      inFlight: undefined,
      paused: undefined,
      updatedAt: SLOT - HOUR,
    });
  });

  it('GIVEN a paused schedule with posts THEN set replaces rule and channel, keeps rotation and last post, drops the last skip and the slot in flight (as resume does), and lifts the pause', () => {
    const lastPost = {
      at: SLOT - DAY,
      slotAt: SLOT - DAY,
      tipId: tipId(3),
      messageId: '1300000000000000001',
    };
    const lastSkip = { slotAt: SLOT - 2 * DAY, at: SLOT - DAY, reason: 'late' } as const;
    const current: ScheduleRecord = {
      ...RECORD,
      rotation: { seed: 1, posted: [tipId(3)] },
      lastPost,
      lastSkip,
      inFlight: IN_FLIGHT,
      paused: { reason: 'paused by <@1100000000000000004>', at: SLOT - HOUR },
    };
    const weekly = {
      ...settings,
      channelId: '1100000000000000009',
      rule: { time: '18:30', timezone: 'Europe/Berlin', frequency: 'weekly', day: 'monday' },
    } as const;
    expect(setSchedule(current, weekly, SLOT)).toEqual({
      time: '18:30',
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'monday',
      guildId: GUILD,
      channelId: '1100000000000000009',
      // Monday 30 November 2026, 18:30 in Berlin (UTC+1).
      nextRunAt: Date.UTC(2026, 10, 30, 17, 30),
      rotation: { seed: 1, posted: [tipId(3)] },
      lastPost,
      // The skip was the old setting's: /schedule show no longer says it.
      lastSkip: undefined,
      // Held while paused: kept, it would post at once, whenever it was due.
      inFlight: undefined,
      paused: undefined,
      updatedAt: SLOT,
    });
  });

  it('GIVEN a running schedule with a slot in flight (a retry due) THEN set keeps it, to be finished in the new channel', () => {
    const retrying: ScheduleRecord = {
      ...RECORD,
      inFlight: { ...IN_FLIGHT, attempts: 1, retryAt: SLOT + MINUTE },
    };
    const moved = setSchedule(
      retrying,
      { ...settings, channelId: '1100000000000000009' },
      SLOT + 30 * SECOND,
    );
    expect(moved.inFlight).toEqual(retrying.inFlight);
    expect(moved.channelId).toBe('1100000000000000009');
  });

  it('GIVEN a schedule THEN pause records who paused it and when', () => {
    expect(pauseSchedule(RECORD, '1100000000000000004', SLOT - HOUR)).toEqual({
      ...RECORD,
      paused: { reason: 'paused by <@1100000000000000004>', at: SLOT - HOUR },
      updatedAt: SLOT - HOUR,
    });
  });

  it('GIVEN a schedule paused over two slots with one in flight THEN resume drops them and is due at the next run after now', () => {
    const paused: ScheduleRecord = {
      ...RECORD,
      inFlight: IN_FLIGHT,
      paused: { reason: 'the channel was deleted (Unknown Channel)', at: SLOT },
    };
    const now = SLOT + DAY + HOUR;
    expect(resumeSchedule(paused, now)).toEqual({
      ...RECORD,
      inFlight: undefined,
      paused: undefined,
      nextRunAt: SLOT + 2 * DAY,
      updatedAt: now,
    });
  });

  it('GIVEN an already paused schedule THEN pause leaves it as it is, with why it stopped', () => {
    const paused: ScheduleRecord = {
      ...RECORD,
      paused: { reason: 'Discord refused the channel (Missing Permissions)', at: SLOT },
    };
    expect(pauseSchedule(paused, '1100000000000000004', SLOT + HOUR)).toBe(paused);
  });

  it('GIVEN the bot removed from the server with a slot in flight THEN the schedule pauses, says why, and drops the slot', () => {
    const running: ScheduleRecord = { ...RECORD, inFlight: IN_FLIGHT };
    const left = leftServer(running, SLOT + HOUR);
    expect(left).toEqual({
      ...RECORD,
      inFlight: undefined,
      paused: { reason: 'the bot was removed from the server', at: SLOT + HOUR },
      updatedAt: SLOT + HOUR,
    });
    // Invited back: resume starts it at the next run.
    expect(resumeSchedule(left, SLOT + DAY + HOUR)).toMatchObject({
      paused: undefined,
      nextRunAt: SLOT + 2 * DAY,
    });
    // Paused already (by an admin): why it stopped is kept.
    const paused = pauseSchedule(RECORD, '1100000000000000004', SLOT);
    expect(leftServer(paused, SLOT + HOUR)).toBe(paused);
  });

  it('GIVEN a running schedule with a slot waiting for a retry THEN resume leaves it as it is', () => {
    const running: ScheduleRecord = {
      ...RECORD,
      inFlight: { ...IN_FLIGHT, attempts: 1, retryAt: SLOT + 5_000 },
    };
    expect(resumeSchedule(running, SLOT + 1_000)).toBe(running);
  });

  it('GIVEN a schedule THEN remove leaves nothing', () => {
    expect(removeSchedule(RECORD)).toBeUndefined();
  });
});

describe('a slot: begin, finish, refusal, failure, skip', () => {
  it('GIVEN a due slot THEN begin writes it in flight with its slot id as nonce and no attempt yet', () => {
    expect(beginSlot(RECORD, { slotAt: SLOT, tipId: tipId(3) }, SLOT + 500)).toEqual({
      ...RECORD,
      inFlight: { slot: SLOT_ID, slotAt: SLOT, tipId: tipId(3), startedAt: SLOT + 500, attempts: 0 },
      updatedAt: SLOT + 500,
    });
  });

  it("GIVEN the rotation's next tip posted THEN finish records the post, advances the rotation and is due the next day", () => {
    const now = SLOT + 800;
    const done = finishSlot(
      { ...RECORD, inFlight: IN_FLIGHT },
      { slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000001', tips: TIPS },
      now,
    );
    expect(done).toEqual({
      ...RECORD,
      inFlight: undefined,
      lastPost: { at: now, slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000001' },
      rotation: { seed: 1, posted: [tipId(3)] },
      nextRunAt: SLOT + DAY,
      updatedAt: now,
    });
  });

  it("GIVEN the cycle's last tip posted THEN finish starts a new cycle in a new order", () => {
    const rotation = { seed: 1, posted: [tipId(3), tipId(2), tipId(1)] };
    const done = finishSlot(
      { ...RECORD, rotation, inFlight: { ...IN_FLIGHT, tipId: tipId(0) } },
      { slotAt: SLOT, tipId: tipId(0), messageId: '1300000000000000001', tips: TIPS },
      SLOT,
    );
    expect(done.rotation).toEqual({ seed: 1, posted: [tipId(3), tipId(2), tipId(1), tipId(0)] });
    const next = finishSlot(
      { ...done, inFlight: { ...IN_FLIGHT, slotAt: SLOT + DAY } },
      { slotAt: SLOT + DAY, tipId: tipId(2), messageId: '1300000000000000002', tips: TIPS },
      SLOT + DAY,
    );
    expect(next.rotation).toEqual({ seed: 2654435770, posted: [tipId(2)] });
  });

  it("GIVEN a tip other than the rotation's next posted (its tip changed) THEN finish counts it as posted too", () => {
    const done = finishSlot(
      { ...RECORD, inFlight: IN_FLIGHT },
      { slotAt: SLOT, tipId: tipId(0), messageId: '1300000000000000001', tips: TIPS },
      SLOT,
    );
    expect(done.rotation).toEqual({ seed: 1, posted: [tipId(0)] });
  });

  it('GIVEN the slot finished already (a job run twice) THEN finishing it again changes nothing', () => {
    const input = { slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000001', tips: TIPS };
    const done = finishSlot({ ...RECORD, inFlight: IN_FLIGHT }, input, SLOT + 800);
    expect(finishSlot(done, input, SLOT + 900)).toBe(done);
    const nextInFlight = { ...done, inFlight: { ...IN_FLIGHT, slotAt: SLOT + DAY } };
    expect(refuseSlot(nextInFlight, { channelId: CHANNEL, reason: 'gone', slotAt: SLOT }, SLOT + DAY)).toBe(
      nextInFlight,
    );
  });

  it('GIVEN /schedule set moved the next run later while the slot was in flight THEN finish keeps the new next run', () => {
    const moved = { ...RECORD, time: '18:00', nextRunAt: SLOT + 9 * HOUR, inFlight: IN_FLIGHT };
    const done = finishSlot(
      moved,
      { slotAt: SLOT, tipId: tipId(3), messageId: '1300000000000000001', tips: TIPS },
      SLOT + MINUTE,
    );
    expect(done.nextRunAt).toBe(SLOT + 9 * HOUR);
  });

  it('GIVEN Discord refused the channel THEN refusal pauses with the reason and drops the slot', () => {
    expect(
      refuseSlot(
        { ...RECORD, inFlight: IN_FLIGHT },
        { channelId: CHANNEL, reason: 'the channel was deleted (Unknown Channel)', slotAt: SLOT },
        SLOT + 300,
      ),
    ).toEqual({
      ...RECORD,
      inFlight: undefined,
      paused: { reason: 'the channel was deleted (Unknown Channel)', at: SLOT + 300 },
      updatedAt: SLOT + 300,
    });
  });

  it('GIVEN failures in a row THEN each sets the next try 5 s, then 10 s, then 20 s later', () => {
    const first = failSlot({ ...RECORD, inFlight: IN_FLIGHT }, SLOT_ID, SLOT + 1_000);
    expect(first).toEqual({
      ...RECORD,
      inFlight: { ...IN_FLIGHT, attempts: 1, retryAt: SLOT + 6_000 },
      updatedAt: SLOT + 1_000,
    });
    const second = failSlot(first, SLOT_ID, SLOT + 6_000);
    expect(second.inFlight).toEqual({ ...IN_FLIGHT, attempts: 2, retryAt: SLOT + 16_000 });
    expect(failSlot(second, SLOT_ID, SLOT + 16_000).inFlight).toEqual({
      ...IN_FLIGHT,
      attempts: 3,
      retryAt: SLOT + 36_000,
    });
  });

  it('GIVEN Discord asked to wait longer than the delay (a rate limit) THEN the next try is after that wait; shorter THEN after the delay', () => {
    const limited = failSlot({ ...RECORD, inFlight: IN_FLIGHT }, SLOT_ID, SLOT + 1_000, 42_000);
    expect(limited.inFlight).toEqual({ ...IN_FLIGHT, attempts: 1, retryAt: SLOT + 43_000 });
    const brief = failSlot({ ...RECORD, inFlight: IN_FLIGHT }, SLOT_ID, SLOT + 1_000, 300);
    expect(brief.inFlight).toEqual({ ...IN_FLIGHT, attempts: 1, retryAt: SLOT + 6_000 });
  });

  it('GIVEN nothing in flight any more (resumed meanwhile) THEN a failure changes nothing', () => {
    expect(failSlot(RECORD, SLOT_ID, SLOT)).toBe(RECORD);
  });

  it('GIVEN the schedule moved to another channel while its post was refused THEN only the slot is dropped, nothing paused', () => {
    const moved = { ...RECORD, channelId: '1100000000000000099', inFlight: IN_FLIGHT };
    expect(
      refuseSlot(
        moved,
        { channelId: CHANNEL, reason: 'the channel was deleted (Unknown Channel)', slotAt: SLOT },
        SLOT + 300,
      ),
    ).toEqual({ ...moved, inFlight: undefined, updatedAt: SLOT + 300 });
  });

  it('GIVEN the schedule was paused, set anew or begun since the slot was planned THEN begin changes nothing', () => {
    const input = { slotAt: SLOT, tipId: tipId(3) };
    const paused = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT - 1 } };
    expect(beginSlot(paused, input, SLOT)).toBe(paused);
    const setAnew = { ...RECORD, nextRunAt: SLOT + DAY };
    expect(beginSlot(setAnew, input, SLOT)).toBe(setAnew);
    const begun = { ...RECORD, inFlight: IN_FLIGHT };
    expect(beginSlot(begun, input, SLOT + 1)).toBe(begun);
  });

  it('GIVEN a slot THEN skip moves on to the run after it, dropping anything in flight', () => {
    expect(skipSlot({ ...RECORD, inFlight: IN_FLIGHT }, SLOT, SLOT + 2 * HOUR, 'late')).toEqual({
      ...RECORD,
      inFlight: undefined,
      nextRunAt: SLOT + DAY,
      lastSkip: { slotAt: SLOT, at: SLOT + 2 * HOUR, reason: 'late' },
      updatedAt: SLOT + 2 * HOUR,
    });
  });
});

describe('planning a tick', () => {
  it('GIVEN a slot in the future, a paused schedule or a retry not yet due THEN wait', () => {
    expect(planSlot(RECORD, content, SLOT - 1, HOUR)).toEqual({ kind: 'wait' });
    expect(planSlot({ ...RECORD, paused: { reason: 'x', at: 0 } }, content, SLOT, HOUR)).toEqual({
      kind: 'wait',
    });
    const retrying = { ...RECORD, inFlight: { ...IN_FLIGHT, attempts: 1, retryAt: SLOT + 5_000 } };
    expect(planSlot(retrying, content, SLOT + 4_999, HOUR)).toEqual({ kind: 'wait' });
  });

  it("GIVEN a due slot THEN begin it with the rotation's next tip", () => {
    expect(planSlot(RECORD, content, SLOT + 10, HOUR)).toEqual({ kind: 'begin', slotAt: SLOT, tip: tip(3) });
  });

  it('GIVEN a slot later than the grace THEN skip it, saying how late', () => {
    expect(planSlot(RECORD, content, SLOT + HOUR + 1, HOUR)).toEqual({
      kind: 'skip',
      slotAt: SLOT,
      lateByMs: HOUR + 1,
    });
  });

  it('GIVEN a grace of 0 THEN a slot seen a tick late still posts, one ten minutes late is skipped', () => {
    expect(planSlot(RECORD, content, SLOT + 1_500, 0)).toEqual({ kind: 'begin', slotAt: SLOT, tip: tip(3) });
    expect(planSlot(RECORD, content, SLOT + 10 * MINUTE, 0)).toEqual({
      kind: 'skip',
      slotAt: SLOT,
      lateByMs: 10 * MINUTE,
    });
  });

  it('GIVEN a due slot and no tips in the content THEN no-tips', () => {
    expect(planSlot(RECORD, empty, SLOT, HOUR)).toEqual({ kind: 'no-tips', slotAt: SLOT });
  });

  it('GIVEN a slot in flight within the nonce memory THEN resume it without searching history; after it, with', () => {
    const record = { ...RECORD, inFlight: IN_FLIGHT };
    expect(planSlot(record, content, SLOT + NONCE_MEMORY_MS, HOUR)).toEqual({
      kind: 'resume',
      inFlight: IN_FLIGHT,
      tip: tip(3),
      searchHistory: false,
    });
    expect(planSlot(record, content, SLOT + NONCE_MEMORY_MS + 1, HOUR)).toEqual({
      kind: 'resume',
      inFlight: IN_FLIGHT,
      tip: tip(3),
      searchHistory: true,
    });
  });

  it('GIVEN a slot in flight however late (it may already be posted) THEN resume it, not skip it', () => {
    expect(planSlot({ ...RECORD, inFlight: IN_FLIGHT }, content, SLOT + 5 * HOUR, HOUR)).toEqual({
      kind: 'resume',
      inFlight: IN_FLIGHT,
      tip: tip(3),
      searchHistory: true,
    });
  });

  it("GIVEN the in-flight tip was removed from the content THEN resume the slot with the rotation's next tip", () => {
    const gone = { ...IN_FLIGHT, tipId: 'old-article/tips/0' };
    const record = { ...RECORD, rotation: { seed: 1, posted: [tipId(3)] }, inFlight: gone };
    expect(planSlot(record, content, SLOT + 1_000, HOUR)).toEqual({
      kind: 'resume',
      inFlight: gone,
      tip: tip(2),
      searchHistory: false,
    });
  });

  it('GIVEN the in-flight tip was removed and no tip is left THEN no-tips for that slot', () => {
    const record = { ...RECORD, inFlight: { ...IN_FLIGHT, tipId: 'old-article/tips/0' } };
    expect(planSlot(record, empty, SLOT + 1_000, HOUR)).toEqual({ kind: 'no-tips', slotAt: SLOT });
  });
});

describe('the /schedule texts', () => {
  const NEXT = 'Next post: Saturday 28 November 2026, 09:00 (UTC); your time: <t:1795856400:F>.';

  it('GIVEN a schedule THEN the next post is shown in its zone and as a Discord timestamp', () => {
    expect(renderNextPost(RECORD)).toBe(NEXT);
    expect(renderNextPost({ ...RECORD, timezone: 'Europe/Berlin' })).toBe(
      'Next post: Saturday 28 November 2026, 10:00 (Europe/Berlin); your time: <t:1795856400:F>.',
    );
  });

  it('GIVEN the next post on a day the clocks skip its time THEN says so, and when it posts instead', () => {
    // 28 March 2027, 03:00 in Berlin (01:00 UTC): 02:30 does not exist that day.
    const record = {
      ...RECORD,
      time: '02:30',
      timezone: 'Europe/Berlin',
      nextRunAt: Date.UTC(2027, 2, 28, 1),
    };
    const line = renderNextPost(record);
    expect(line).toBe(
      'Next post: Sunday 28 March 2027, 03:00 (Europe/Berlin); your time: <t:1806195600:F>. 02:30 does not exist on that day in Europe/Berlin (clocks go forward): it posts at 03:00.',
    );
    expect(renderScheduleSet(record)).toContain(line);
    expect(renderNextPost({ ...record, nextRunAt: Date.UTC(2027, 2, 29, 0, 30) })).not.toMatch(
      /does not exist/,
    );
  });

  it('GIVEN set and resume THEN they confirm with the next post', () => {
    expect(renderScheduleSet(RECORD)).toBe(
      `Tips will be posted in <#1100000000000000003> every day at 09:00 (UTC). ${NEXT}`,
    );
    expect(renderScheduleResumed(RECORD)).toBe(`Tip posts resumed. ${NEXT}`);
  });

  it('GIVEN a new schedule THEN show gives the rule, the next post and nothing posted yet', () => {
    expect(renderScheduleShow(RECORD, content, SLOT - HOUR)).toBe(
      `Tips are posted in <#1100000000000000003> every day at 09:00 (UTC).\n${NEXT}\nNothing posted yet.`,
    );
  });

  it('GIVEN no article with tips THEN show says nothing will be posted until one has, running or paused', () => {
    expect(renderScheduleShow(RECORD, NO_TIPS, SLOT - HOUR)).toBe(
      `Tips are posted in <#1100000000000000003> every day at 09:00 (UTC).\n${NEXT}\n${SCHEDULE_TEXT.noTipsYet}\nNothing posted yet.`,
    );
    const paused: ScheduleRecord = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT - DAY } };
    expect(renderScheduleShow(paused, NO_TIPS, SLOT - HOUR).split('\n')[2]).toBe(SCHEDULE_TEXT.noTipsYet);
  });

  it('GIVEN a running schedule whose channel is gone or lacks a permission THEN show warns that the next post will fail and what to do', () => {
    const running = (channel?: Parameters<typeof renderScheduleShow>[3]) =>
      renderScheduleShow(RECORD, content, SLOT - HOUR, channel).split('\n');
    expect(running({ kind: 'gone' })[2]).toBe(
      '**The channel no longer exists**: the next post will fail and pause tip posts. Choose another with `/schedule set`.',
    );
    expect(running({ kind: 'missing', permissions: ['Send Messages'] })[2]).toBe(
      "**The next post will fail**: I am missing **Send Messages** in <#1100000000000000003>. Grant me that permission in the channel's settings (Edit Channel → Permissions).",
    );
    // Nothing wrong, or not known: no warning.
    for (const channel of [{ kind: 'ok' } as const, undefined])
      expect(running(channel)).toEqual(running(undefined).slice(0, 3));
    expect(running(undefined)[2]).toBe('Nothing posted yet.');
  });

  it('GIVEN a paused schedule with a last post THEN show gives why it stopped and names the tip', () => {
    const record: ScheduleRecord = {
      ...RECORD,
      paused: { reason: 'the channel was deleted (Unknown Channel)', at: SLOT },
      lastPost: {
        at: SLOT - DAY + 700,
        slotAt: SLOT - DAY,
        tipId: tipId(3),
        messageId: '1300000000000000001',
      },
    };
    // As /schedule resume would answer: a deleted channel cannot be resumed, only replaced.
    expect(renderScheduleShow(record, content, SLOT + HOUR, { kind: 'gone' })).toBe(
      [
        'Tips are posted in <#1100000000000000003> every day at 09:00 (UTC).',
        '**Paused** since <t:1795856400:F>: the channel was deleted (Unknown Channel). The channel no longer exists: choose another with `/schedule set`, which starts posting again.',
        'Last post: <t:1795770000:F>, “Network with other engineering leaders”.',
      ].join('\n'),
    );
  });

  it('GIVEN a schedule paused for a missing permission THEN show names what is missing now and that resume works once granted', () => {
    const record: ScheduleRecord = {
      ...RECORD,
      paused: { reason: 'the bot lacks a permission to post there (Missing Permissions)', at: SLOT },
    };
    const paused = (channel?: Parameters<typeof renderScheduleShow>[3]) =>
      renderScheduleShow(record, content, SLOT + HOUR, channel).split('\n')[1];
    expect(paused({ kind: 'missing', permissions: ['Send Messages'] })).toBe(
      "**Paused** since <t:1795856400:F>: the bot lacks a permission to post there (Missing Permissions). I am missing **Send Messages** in <#1100000000000000003>. Grant me that permission in the channel's settings (Edit Channel → Permissions), then `/schedule resume` starts posting again.",
    );
    expect(paused({ kind: 'missing', permissions: ['View Channel', 'Embed Links'] })).toMatch(
      /I am missing \*\*View Channel\*\*, \*\*Embed Links\*\* in <#\d+>\. Grant me those permissions /,
    );
    // Granted since, or not known: resume is what to do.
    for (const channel of [{ kind: 'ok' } as const, undefined])
      expect(paused(channel)).toMatch(
        /\(Missing Permissions\)\. `\/schedule resume` starts posting again\.$/,
      );
  });

  it('GIVEN a slot skipped as too late and no post since THEN show says when and why; once a later slot is posted THEN not', () => {
    const lastSkip = { slotAt: SLOT, at: SLOT + 2 * HOUR, reason: 'late' } as const;
    const skipped: ScheduleRecord = { ...RECORD, nextRunAt: SLOT + DAY, lastSkip };
    expect(
      renderScheduleShow(skipped, content, SLOT + 2 * HOUR)
        .split('\n')
        .slice(2),
    ).toEqual([
      'Nothing posted yet.',
      'The post due <t:1795856400:F> was skipped: the bot was offline when it was due and came back too late to post it.',
    ]);
    const noTips: ScheduleRecord = { ...skipped, lastSkip: { ...lastSkip, reason: 'no-tips' } };
    expect(renderScheduleShow(noTips, content, SLOT + 2 * HOUR)).toMatch(
      /\nThe post due <t:1795856400:F> was skipped: no article had tips\.$/,
    );
    const lastPost = {
      at: SLOT + DAY,
      slotAt: SLOT + DAY,
      tipId: tipId(3),
      messageId: '1300000000000000001',
    };
    expect(renderScheduleShow({ ...skipped, lastPost }, content, SLOT + DAY)).not.toMatch(/skipped/);
    // Refused by Discord: why, as Discord's answer said it (Markdown in it shown as written).
    const refused: ScheduleRecord = {
      ...skipped,
      lastSkip: { ...lastSkip, reason: 'refused', why: 'bad *body*' },
    };
    expect(renderScheduleShow(refused, content, SLOT + 2 * HOUR)).toMatch(
      /\nThe post due <t:1795856400:F> was skipped: Discord refused the post \(bad \\\*body\\\*\), so its tip was passed over and the next post takes the next tip\.$/,
    );
  });

  it('GIVEN the bot timed out THEN show of a running schedule warns only if the timeout lasts past the next post, and names a missing permission whatever the timeout', () => {
    const running: ScheduleRecord = { ...RECORD, nextRunAt: SLOT + DAY };
    const warning = (channel: Parameters<typeof renderScheduleShow>[3]) =>
      renderScheduleShow(running, content, SLOT, channel).split('\n')[2];
    const until = SLOT + 2 * DAY;
    expect(warning({ kind: 'ok', timedOutUntil: until })).toBe(
      '**The next post will fail**: I am timed out in this server until <t:1796029200:F>. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends.',
    );
    // Ending before the next post: it goes as any other.
    expect(warning({ kind: 'ok', timedOutUntil: SLOT + HOUR })).toBe('Nothing posted yet.');
    // A missing permission is said, timed out or not; both when both apply.
    const missing = { kind: 'missing', permissions: ['Send Messages'] } as const;
    expect(warning({ ...missing, timedOutUntil: SLOT + HOUR })).toBe(
      "**The next post will fail**: I am missing **Send Messages** in <#1100000000000000003>. Grant me that permission in the channel's settings (Edit Channel → Permissions).",
    );
    expect(warning({ ...missing, timedOutUntil: until })).toBe(
      "**The next post will fail**: I am timed out in this server until <t:1796029200:F>, and I am missing **Send Messages** in <#1100000000000000003>. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends, and grant me that permission in the channel's settings (Edit Channel → Permissions).",
    );
  });

  it('GIVEN the bot timed out THEN show of a paused schedule advises what resume then does: refused only for a timeout past the first post resume would make', () => {
    const record: ScheduleRecord = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT } };
    // Resumed at SLOT + HOUR, the first post is SLOT + DAY (as resumeSchedule computes it).
    expect(resumeSchedule(record, SLOT + HOUR).nextRunAt).toBe(SLOT + DAY);
    const advice = (channel: Parameters<typeof renderScheduleShow>[3]) =>
      renderScheduleShow(record, content, SLOT + HOUR, channel).split('\n')[1];
    expect(advice({ kind: 'ok', timedOutUntil: SLOT + DAY + MINUTE })).toBe(
      '**Paused** since <t:1795856400:F>: paused by <@1>. I am timed out in this server until <t:1795942860:F>. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends, then `/schedule resume` starts posting again.',
    );
    expect(advice({ kind: 'ok', timedOutUntil: SLOT + DAY - MINUTE })).toMatch(
      /paused by <@1>\. `\/schedule resume` starts posting again\.$/,
    );
    // Timed out but for less than the first post: the missing permission is what resume refuses for.
    expect(advice({ kind: 'missing', permissions: ['Embed Links'], timedOutUntil: SLOT + 2 * HOUR })).toBe(
      "**Paused** since <t:1795856400:F>: paused by <@1>. I am missing **Embed Links** in <#1100000000000000003>. Grant me that permission in the channel's settings (Edit Channel → Permissions), then `/schedule resume` starts posting again.",
    );
    expect(advice({ kind: 'missing', permissions: ['Embed Links'], timedOutUntil: SLOT + 2 * DAY })).toMatch(
      /until <t:1796029200:F>, and I am missing \*\*Embed Links\*\* in <#\d+>\. Have a moderator remove the timeout .* or wait until it ends, and grant me that permission .*, then `\/schedule resume` starts posting again\.$/,
    );
  });

  it('GIVEN several posts in a row refused by Discord THEN show says so of them all, with the last answer', () => {
    const lastSkip = {
      slotAt: SLOT + 2 * DAY,
      at: SLOT + 2 * DAY,
      reason: 'refused',
      why: 'blocked by AutoMod',
      count: 3,
      firstSlotAt: SLOT,
    } as const;
    expect(
      renderScheduleShow({ ...RECORD, nextRunAt: SLOT + 3 * DAY, lastSkip }, content, SLOT + 2 * DAY)
        .split('\n')
        .at(-1),
    ).toBe(
      'The 3 posts due from <t:1795856400:F> to <t:1796029200:F> were skipped: Discord refused them (the last: blocked by AutoMod), so their tips were passed over and the next post takes the next tip.',
    );
  });

  it('GIVEN slots skipped in a row for one reason THEN counted as one skip from the first; a post or another reason between THEN counted anew', () => {
    const once = skipSlot(RECORD, SLOT, SLOT + 2 * HOUR, 'late');
    expect(once.lastSkip).toEqual({ slotAt: SLOT, at: SLOT + 2 * HOUR, reason: 'late' });
    const thrice = skipSlot(
      skipSlot(once, SLOT + DAY, SLOT + DAY + 2 * HOUR, 'late'),
      SLOT + 2 * DAY,
      SLOT + 2 * DAY + 2 * HOUR,
      'late',
    );
    expect(thrice.lastSkip).toEqual({
      slotAt: SLOT + 2 * DAY,
      at: SLOT + 2 * DAY + 2 * HOUR,
      reason: 'late',
      count: 3,
      firstSlotAt: SLOT,
    });
    expect(
      renderScheduleShow(thrice, content, SLOT + 2 * DAY + 2 * HOUR)
        .split('\n')
        .at(-1),
    ).toBe(
      'The 3 posts due from <t:1795856400:F> to <t:1796029200:F> were skipped: the bot was offline when they were due and came back too late to post them.',
    );
    // Another reason: a new run of skips.
    expect(skipSlot(thrice, SLOT + 3 * DAY, SLOT + 3 * DAY, 'no-tips').lastSkip).toEqual({
      slotAt: SLOT + 3 * DAY,
      at: SLOT + 3 * DAY,
      reason: 'no-tips',
    });
    // Paused and resumed after a skip: the next skip is a week later, not the slot after it.
    expect(skipSlot(once, SLOT + 7 * DAY, SLOT + 7 * DAY + 2 * HOUR, 'late').lastSkip).toEqual({
      slotAt: SLOT + 7 * DAY,
      at: SLOT + 7 * DAY + 2 * HOUR,
      reason: 'late',
    });
    // A post after the skips: a new run too.
    const lastPost = {
      at: SLOT + 3 * DAY,
      slotAt: SLOT + 3 * DAY,
      tipId: tipId(3),
      messageId: '1300000000000000001',
    };
    expect(
      skipSlot({ ...thrice, lastPost }, SLOT + 4 * DAY, SLOT + 4 * DAY + 2 * HOUR, 'late').lastSkip,
    ).toEqual({
      slotAt: SLOT + 4 * DAY,
      at: SLOT + 4 * DAY + 2 * HOUR,
      reason: 'late',
    });
  });

  it('GIVEN a last post whose tip is named with Markdown marks THEN show gives the name as written', () => {
    const named = {
      item: () => ({ item: { name: 'Use __init__ and *args*', text: 'x', line: 1 } }),
      items: () => [tip(3)],
    } as unknown as Pick<ContentIndex, 'item' | 'items'>;
    const record: ScheduleRecord = {
      ...RECORD,
      lastPost: { at: SLOT - DAY, slotAt: SLOT - DAY, tipId: tipId(3), messageId: '1300000000000000001' },
    };
    expect(renderScheduleShow(record, named, SLOT - HOUR).split('\n')[2]).toBe(
      'Last post: <t:1795770000:F>, “Use \\_\\_init\\_\\_ and \\*args\\*”.',
    );
  });

  it('GIVEN a last post whose tip left the content THEN show gives its time only', () => {
    const record: ScheduleRecord = {
      ...RECORD,
      lastPost: {
        at: SLOT - DAY,
        slotAt: SLOT - DAY,
        tipId: 'old-article/tips/0',
        messageId: '1300000000000000001',
      },
    };
    expect(renderScheduleShow(record, content, SLOT - HOUR).split('\n')[2]).toBe(
      'Last post: <t:1795770000:F>.',
    );
  });

  it('GIVEN a post waiting to be retried THEN show gives the failures and the next try; once due, not', () => {
    const record = { ...RECORD, inFlight: { ...IN_FLIGHT, attempts: 2, retryAt: SLOT + 10_000 } };
    expect(renderScheduleShow(record, content, SLOT + 5_000)).toBe(
      `Tips are posted in <#1100000000000000003> every day at 09:00 (UTC).\n${NEXT}\nNothing posted yet.\nThe last post failed 2 time(s); next try <t:1795856410:R>.`,
    );
    expect(renderScheduleShow(record, content, SLOT + 10_000)).toBe(
      `Tips are posted in <#1100000000000000003> every day at 09:00 (UTC).\n${NEXT}\nNothing posted yet.`,
    );
  });

  it('GIVEN preview THEN the next tip under a line naming the channel', () => {
    expect(renderSchedulePreview(RECORD, tip(3), SLOT, { kind: 'ok' })).toEqual({
      ...renderTip(tip(3)),
      content: 'The next tip for <#1100000000000000003>:',
    });
  });

  it('GIVEN preview of a paused schedule, or of one whose channel is gone THEN says so above the tip, and what to do', () => {
    const paused = { ...RECORD, paused: { reason: 'paused by <@1>', at: SLOT } };
    expect(renderSchedulePreview(paused, tip(3), SLOT).content).toBe(
      `**Tip posts are paused** since <t:${SLOT / 1000}:F>: paused by <@1>. \`/schedule resume\` starts posting again.\nThe next tip once posting starts again:`,
    );
    expect(renderSchedulePreview(paused, tip(3), SLOT, { kind: 'gone' }).content).toMatch(
      /: paused by <@1>\. The channel no longer exists: choose another with `\/schedule set`, which starts posting again\.\n/,
    );
    expect(renderSchedulePreview(RECORD, tip(3), SLOT, { kind: 'gone' }).content).toBe(
      '**The channel no longer exists**: the next post will fail and pause tip posts. Choose another with `/schedule set`.\nThe next tip for <#1100000000000000003>:',
    );
  });

  it('GIVEN the fixed answers THEN their wording is the one users and tests know', () => {
    expect(SCHEDULE_TEXT).toEqual({
      removed: 'The tip schedule is removed. Nothing more will be posted.',
      noSchedule: 'This server has no tip schedule yet. Create one with `/schedule set`.',
      channelGone: 'The channel of this schedule no longer exists. Choose another with `/schedule set`.',
      noTips:
        'There are no tips to post: no article has a Tips section yet. Whoever runs the bot can add one to an article, a `## Tips` heading over a list of tips (see "Write an article" in the README).',
      noTipsYet: 'No article has tips yet: nothing will be posted until one has a Tips section.',
    });
  });
});
