/** A bot token for tests: shaped like one (three dot-separated parts) but plainly not real. */
export const FAKE_TOKEN = 'fake-token-for-tests.not-real.secret-part-of-the-token';
