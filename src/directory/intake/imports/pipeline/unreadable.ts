import { msg } from '../../../../platform/i18n/index.ts';

/**
 * A file or address an import cannot read at all. Its message is Norwegian text for the person
 * importing, so a page or the command line can show it as it is (unlike other errors, which are
 * bugs and stay in the log).
 */
export class UnreadableSource extends Error {
  override name = 'UnreadableSource';
  /** Node's code and path of the failed call (ENOENT …), kept for callers that branch on them */
  readonly code: string | undefined;
  readonly path: string | undefined;

  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    const { code, path } = (cause ?? {}) as { code?: unknown; path?: unknown };
    this.code = typeof code === 'string' ? code : undefined;
    this.path = typeof path === 'string' ? path : undefined;
  }
}

/** Seconds an address may take to answer before the import gives up. */
export const FETCH_TIMEOUT_SECONDS = 60;

/** Node names the failed system call (ENOENT, EACCES); a person needs to hear which file and why. */
function explain(ref: string, error: unknown): string {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (code === 'ENOENT' || code === 'ENOTDIR') return msg.hsdsImport.read.notFound(ref);
  if (code === 'EACCES' || code === 'EPERM') return msg.hsdsImport.read.notAllowed(ref);
  if (name === 'TimeoutError') return msg.hsdsImport.read.timeout(ref, FETCH_TIMEOUT_SECONDS);
  if (/^https?:\/\//i.test(ref)) return msg.hsdsImport.read.unreachable(ref);
  return msg.hsdsImport.read.failed(ref, typeof code === 'string' ? code : String(message ?? error));
}

/** The same work, failing with an UnreadableSource that says in Norwegian what went wrong. */
export function readable<T>(ref: string, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw error instanceof UnreadableSource ? error : new UnreadableSource(explain(ref, error), error);
  });
}

/** An address that answered, but not with the file. */
export const httpFailure = (ref: string, status: number) => new UnreadableSource(msg.hsdsImport.read.httpStatus(ref, status));
