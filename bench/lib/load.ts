/** Runs autocannon against one URL and reads latency percentiles from every response it timed. */
import autocannon from 'autocannon';

export interface LoadResult {
  /** ms */
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  /** non-2xx responses plus connection errors and timeouts: any makes the line invalid */
  failures: number;
  /** what failed, e.g. "12 timeouts (10 s), 3 × HTTP 500" */
  failureDetail: string;
}

/** The middle value, or the mean of the two middle ones (the values in any order). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value below which the given share of sorted values lie (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

const TIMEOUT_SECONDS = 10;

export async function runLoad(url: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections, duration: options.seconds, timeout: TIMEOUT_SECONDS },
      (error, done) => (error ? reject(error) : resolve(done)));
    // autocannon's own summary has p97.5 but no p95, so keep each response time
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requestsPerSecond: result['2xx'] / result.duration,
    requests: result['2xx'],
    // autocannon counts timeouts among errors
    failures: result.non2xx + result.errors,
    failureDetail: [
      result.timeouts ? `${result.timeouts} timeouts (${TIMEOUT_SECONDS} s)` : '',
      result.errors > result.timeouts ? `${result.errors - result.timeouts} connection errors` : '',
      ...Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, stat]) => `${stat.count ?? 0} × HTTP ${code}`),
    ].filter(Boolean).join(', '),
  };
}
