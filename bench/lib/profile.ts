/**
 * Sums V8 CPU profiles (`node --cpu-prof`) by where the time went: a package under node_modules,
 * our own source folder, Node internals, garbage collection or idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] }

function bucket(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === '(garbage collector)') return frame.functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
  if (pkg) return pkg;
  const own = /\/(src\/[^/]+|bench|scripts)\//.exec(frame.url)?.[1];
  if (own) return own;
  if (frame.url === '') return `V8 built-in ${frame.functionName || '(anonymous)'}`;
  return frame.url.startsWith('node:') ? 'node internals' : frame.url;
}

/** Share of samples per bucket over every profile in the folder, largest first. */
export function summariseProfiles(dir: string): { bucket: string; share: number }[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const id of profile.samples) {
      const name = bucket(byId.get(id)!.callFrame);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      total++;
    }
  }
  return [...counts].map(([name, n]) => ({ bucket: name, share: n / total })).sort((a, b) => b.share - a.share);
}
