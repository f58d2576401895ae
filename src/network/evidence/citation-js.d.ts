// citation-js ships no TypeScript types: the little of it we use (see parse.ts).
declare module '@citation-js/core' {
  export class Cite {
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
