import type { Cursor, Source, SourceItem } from './source.js';

/**
 * Release a source's posts no earlier than their own time on the wall clock: what is already in
 * the past comes at once (a backfill), the rest as it "happens". Bad records pass straight through.
 */
export function paced(source: Source, now: () => number = Date.now): Source {
  return {
    name: source.name,
    format: source.format,
    async *read(from?: Cursor): AsyncIterable<SourceItem> {
      for await (const item of source.read(from)) {
        if (item.kind === 'post') {
          const wait = item.post.createdAt - now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        yield item;
      }
    },
  };
}
