// Following nextPageToken to the end, the same way for every paged contract (permits, case
// transfer, 12345): a repeated token or too many pages is a broken answer, not an endless loop,
// and an expired token (400 INVALID_PAGE_TOKEN, tokens live 15 min) restarts from the first page, once.
import { ConnectorError } from './connector-error';
import type { ConnectorLogger, SystemName } from './types';

export interface PageOf<T> {
  items: T[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

export interface FollowPagesOptions<T> {
  system: SystemName;
  operation: string;
  /** One page: the first when pageToken is undefined. */
  fetchPage(pageToken: string | undefined): Promise<PageOf<T>>;
  /** The error for paging that does not come to an end. */
  endless(): Error;
  logger: ConnectorLogger;
  /** Default 1000. */
  maxPages?: number;
}

/** Every item of every page, in order. */
export async function followPages<T>(options: FollowPagesOptions<T>): Promise<T[]> {
  const maxPages = options.maxPages ?? 1000;
  let restarted = false;
  for (;;) {
    const items: T[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    try {
      for (let page = 0; ; page += 1) {
        const result = await options.fetchPage(pageToken);
        items.push(...result.items);
        if (result.nextPageToken === undefined) return items;
        if (seen.has(result.nextPageToken) || page + 1 >= maxPages) throw options.endless();
        seen.add(result.nextPageToken);
        pageToken = result.nextPageToken;
      }
    } catch (err) {
      if (!restarted && pageToken !== undefined && err instanceof ConnectorError && err.upstreamCode === 'INVALID_PAGE_TOKEN') {
        restarted = true;
        options.logger.warn({ system: options.system, operation: options.operation }, 'page token refused; restarting from the first page');
        continue;
      }
      throw err;
    }
  }
}

/**
 * One item per key, the newest by `version` (an item updated while paging can come twice); each
 * key keeps the position of its first appearance.
 */
export function newestByKey<T>(items: readonly T[], key: (item: T) => string, version: (item: T) => number): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const known = byKey.get(key(item));
    if (!known || version(item) > version(known)) byKey.set(key(item), item);
  }
  return [...byKey.values()];
}
