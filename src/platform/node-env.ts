/**
 * Imported first by the server's entry point (src/main.ts), before any module that reads NODE_ENV
 * when it loads: React picks its production build then, and its development build (prop checks,
 * key warnings, component stacks) costs a running site several times the CPU per page.
 * A server runs as production unless the environment says otherwise (the test harness sets it too).
 */
process.env.NODE_ENV ??= 'production';
