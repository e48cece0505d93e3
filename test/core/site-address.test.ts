import { describe, expect, it } from 'vitest';
import { siteAddressOf } from '../../src/core/site-address.js';

describe("the blog's address from its configuration", () => {
  it("GIVEN Hugo's baseURL or Jekyll's url THEN the address, without its trailing slash, as SITE_URL is read", () => {
    expect(siteAddressOf('https://blog.example.net/')).toBeUndefined();
    expect(siteAddressOf('https://jane.dev/')).toBe('https://jane.dev');
    expect(siteAddressOf(' http://jane.dev/notes/ ')).toBe('http://jane.dev/notes');
    expect(siteAddressOf('https://JANE.dev')).toBe('https://jane.dev');
  });

  it("GIVEN Jekyll's baseurl THEN the path after the address, with or without slashes", () => {
    expect(siteAddressOf('https://jane.dev', '/notes')).toBe('https://jane.dev/notes');
    expect(siteAddressOf('https://jane.dev/', 'notes/')).toBe('https://jane.dev/notes');
    expect(siteAddressOf('https://jane.dev', '')).toBe('https://jane.dev');
    expect(siteAddressOf('https://jane.dev', '/')).toBe('https://jane.dev');
    expect(siteAddressOf('https://jane.dev', '/my notes')).toBe('https://jane.dev/my%20notes');
    expect(siteAddressOf('https://jane.dev', 3)).toBe('https://jane.dev');
    expect(siteAddressOf('https://jane.dev', '?a=b')).toBeUndefined();
    expect(siteAddressOf('https://jane.dev', 'notes#x')).toBeUndefined();
    // Even an empty query or fragment, which URL leaves out of search and hash.
    expect(siteAddressOf('https://jane.dev/#')).toBeUndefined();
    expect(siteAddressOf('https://jane.dev', 'notes?')).toBeUndefined();
  });

  it("GIVEN no published address (a path, a placeholder, the machine's own, another scheme, none) THEN none", () => {
    for (const url of [
      '/',
      '',
      'jane.dev',
      'https://example.org/',
      'https://www.example.com',
      'http://localhost:1313/',
      'http://127.0.0.1:4000',
      'http://0.0.0.0:8080',
      'http://[::1]:4000',
      'https://blog.example',
      'https://my.blog.test/',
      'https://x.invalid',
      'http://blog.localhost',
      'ftp://jane.dev',
      'https://jane.dev/?x=1',
      'https://user:secret@jane.dev',
      undefined,
      null,
      42,
      ['https://jane.dev'],
    ])
      expect(siteAddressOf(url), String(url)).toBeUndefined();
  });
});
