/**
 * The time as the application sees it. Code whose outcome depends on elapsed time (session idle
 * timeout) reads it here, so a test can move time forward instead of waiting or faking rows.
 */
let source: () => Date = () => new Date();

export const now = (): Date => source();

/** For tests: make the application's time `at()`; call with no argument to go back to real time. */
export function setClock(at?: () => Date): void {
  source = at ?? (() => new Date());
}
