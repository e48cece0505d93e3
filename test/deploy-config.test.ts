import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../src/deploy-config.js';
import { DiscordEmulator, IDS } from '../emulator/emulator.js';
import { runEntry } from '../emulator/run-bot.js';
import { FAKE_TOKEN as TOKEN } from './helpers/tokens.js';

/** Settings only the bot reads, each wrong. */
const BOT_ONLY_MISTAKES = {
  SITE_URL: 'bad',
  STORE_URL: 'postgres://db',
  LOG_LEVEL: 'loud',
  SHARD_IDS: '7',
  CONTENT_LANGUAGE: 'english!',
};

describe('loadDeployConfig (npm run deploy-commands)', () => {
  it('GIVEN the Discord settings THEN reads them by the bot rules, with the default API address', () => {
    expect(loadDeployConfig({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_GUILD_ID: '' })).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        applicationId: undefined,
        guildId: undefined,
        apiUrl: 'https://discord.com/api',
      },
    });
  });

  it('GIVEN mistakes in settings it does not use THEN they do not stop it', () => {
    expect(loadDeployConfig({ DISCORD_TOKEN: TOKEN, ...BOT_ONLY_MISTAKES })).toMatchObject({ ok: true });
  });

  it('GIVEN no token, or bad ids or API address THEN refuses each, and only those', () => {
    const result = loadDeployConfig({
      DISCORD_APPLICATION_ID: 'app',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'discord.com/api',
      ...BOT_ONLY_MISTAKES,
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
    ]);
  });
});

describe('npm run deploy-commands with bad settings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN no token THEN the message names deploy-commands, not the bot, and the token alone', async () => {
    const result = await runEntry('deploy-commands', { SITE_URL: 'bad' }, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^deploy-commands cannot start: the configuration has problems\.\n {2}- DISCORD_TOKEN: required/,
    );
    expect(result.stderr).not.toMatch(/SITE_URL|The bot/);
  });

  it('GIVEN SITE_URL=bad THEN it goes on to register the commands (here with an address nobody answers)', async () => {
    const result = await runEntry(
      'deploy-commands',
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '1100000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:9',
        SITE_URL: 'bad',
      },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Could not register the commands: /);
    expect(result.stderr + result.stdout).not.toContain('secret-part');
  });
});

describe('npm run deploy-commands refused access (403 Missing Access)', () => {
  let dir: string;
  let emulator: DiscordEmulator;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    emulator = await new DiscordEmulator().start();
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const deploy = (env: Record<string, string>) =>
    runEntry(
      'deploy-commands',
      { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, ...env },
      dir,
    );

  it('GIVEN DISCORD_GUILD_ID a server the bot is not in THEN names the likely causes and what to do, without the token', async () => {
    const result = await deploy({ DISCORD_GUILD_ID: '1100000000000000999' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Could not register the commands in server 1100000000000000999: Missing Access\. Likely: the bot is not in that server; or it was invited without the applications\.commands scope\.\n/,
    );
    expect(result.stderr).toContain(
      'Invite the bot to that server with the scopes bot and applications.commands',
    );
    expect(result.stderr).toContain("check that DISCORD_GUILD_ID is that server's id");
    // Learned from the token, the application id is the token's own: not a cause to check.
    expect(result.stderr).not.toContain('DISCORD_APPLICATION_ID');
    expect(result.stderr + result.stdout).not.toContain(emulator.token);
  });

  it("GIVEN a DISCORD_APPLICATION_ID not the token's THEN names it among the causes, with or without a server", async () => {
    const inServer = await deploy({
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_APPLICATION_ID: '1100000000000000998',
    });
    expect(inServer.code).toBe(1);
    expect(inServer.stderr).toContain('; or DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN.');
    expect(inServer.stderr).toContain(
      'DISCORD_APPLICATION_ID is the id on the General Information page of the application whose token DISCORD_TOKEN is, or unset',
    );

    const globally = await deploy({ DISCORD_APPLICATION_ID: '1100000000000000998' });
    expect(globally.code).toBe(1);
    expect(globally.stderr).toMatch(
      /^Could not register the commands: Missing Access\. DISCORD_APPLICATION_ID is likely not the application of DISCORD_TOKEN: /,
    );
    expect(globally.stderr).not.toContain('DISCORD_GUILD_ID');
    expect(inServer.stderr + globally.stderr).not.toContain(emulator.token);
  });
});
