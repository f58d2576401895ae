import { paths } from '../../platform/paths.ts';

/** A URL with the given query parameters; empty values are left out so links stay short. */
export function withQuery(path: string, params: Record<string, string | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const list: readonly string[] = typeof value === 'string' ? [value] : value ?? [];
    for (const v of list) if (v !== '') search.append(key, v);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const atlasUrl = (params: Record<string, string | undefined>) => withQuery(paths.coverage.atlas, params);
export const csvUrl = (params: Record<string, string | undefined>) => withQuery(paths.coverage.csv, params);
