import { describe, expect, it } from 'vitest';
import { SpecValidator } from '../../emulator/spec-validator.js';

const validator = new SpecValidator();
const ID = '1100000000000000001';

describe("SpecValidator: request bodies against Discord's API description, strictly", () => {
  it('GIVEN a bit set sent as a string where the description types an integer THEN a violation; as an integer THEN none', () => {
    const command = { name: 'schedule', description: 'Schedule tips', type: 1 };
    const path = `/applications/${ID}/commands`;
    expect(validator.validate('PUT', path, [{ ...command, default_member_permissions: '32' }])).toEqual([
      expect.stringMatching(/default_member_permissions must be integer,null/),
    ]);
    expect(validator.validate('PUT', path, [{ ...command, default_member_permissions: 32 }])).toEqual([]);
  });

  it('GIVEN an embed address that is no URI (not ASCII, a space) THEN a violation; encoded THEN none', () => {
    const path = `/channels/${ID}/messages`;
    const post = (url: string) => ({ embeds: [{ title: 'Tip', url }] });
    for (const url of ['https://blog.example/émigré', 'https://blog.example/a b', 'not an address'])
      expect(validator.validate('POST', path, post(url)), url).toEqual([
        expect.stringMatching(/url must match format "uri"/),
      ]);
    expect(validator.validate('POST', path, post('https://blog.example/%C3%A9migr%C3%A9'))).toEqual([]);
  });

  it('GIVEN a nonce of the two kinds Discord takes THEN none', () => {
    const path = `/channels/${ID}/messages`;
    for (const nonce of ['slot-2026-11-30', 1234])
      expect(validator.validate('POST', path, { content: 'x', nonce })).toEqual([]);
  });
});
