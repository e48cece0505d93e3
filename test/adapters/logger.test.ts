import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/adapters/logger.js';
import { FAKE_TOKEN as TOKEN } from '../helpers/tokens.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', secrets: [TOKEN] }, stream) };
}

describe('logging without secrets', () => {
  it('GIVEN an error whose URL holds an interaction token THEN the log line has no token', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/1200000000000000006/aW50ZXJhY3Rpb246c2VjcmV0/callback',
      requestBody: { json: { token: TOKEN } },
    });
    logger.error({ err: error }, `failed with ${TOKEN}`);
    const line = lines.join('');
    expect(line).toContain('interactions/1200000000000000006/[redacted]');
    expect(line).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
    expect(line).not.toContain('secret-part');
  });

  it('GIVEN webhook URLs and Authorization headers THEN redact masks them', () => {
    expect(redact('PATCH /webhooks/11000000000000001/tok-abc/messages/@original', [])).toBe(
      'PATCH /webhooks/11000000000000001/[redacted]/messages/@original',
    );
    expect(redact(`Authorization: Bot ${TOKEN}`, [])).toBe('Authorization: Bot [redacted]');
  });

  it('GIVEN a message with the word Bot in it THEN only a token after it is masked', () => {
    expect(redact('Bot missing Send Messages in #tips', [])).toBe('Bot missing Send Messages in #tips');
    expect(redact('Bot User#0001 connected', [])).toBe('Bot User#0001 connected');
    expect(redact('Bot MTIz.NDU2.Nzg5 refused', [])).toBe('Bot [redacted] refused');
  });
});
