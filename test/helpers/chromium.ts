/** Where the tests' Chromium is and how it is started; shared by test/helpers/browser.ts and the harness (scripts/test.ts). */
export const CHROMIUM = process.env.TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet in a sandbox without network: no background connections, no GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
