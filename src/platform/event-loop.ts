/**
 * Lets requests waiting in the event loop go first. Long work in the app's own thread (building
 * an export, storing an upload) calls this between pieces: PGlite answers in this thread, so
 * awaiting its queries alone never lets another request in.
 */
export const yieldToRequests = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
