// The paging every connector shares: to the end, a repeated token refused, an expired token
// restarting from the first page once, and the newest copy kept of an item seen twice.
import { ConnectorError } from '../../../connectors/core/connector-error';
import { followPages, newestByKey, type PageOf } from '../../../connectors/core/follow-pages';
import { silentLogger } from '../../../connectors/core/types';

const endless = () => new ConnectorError('UPSTREAM_BAD_RESPONSE', 'permits', 'pagination does not come to an end');
const expired = () => new ConnectorError('UPSTREAM_REJECTED', 'permits', 'page token expired', { upstreamCode: 'INVALID_PAGE_TOKEN', retryable: false });

function pages(map: Record<string, PageOf<number>>, calls: Array<string | undefined>) {
  return async (token: string | undefined) => {
    calls.push(token);
    return map[token ?? 'first'];
  };
}

it('collects every page in order', async () => {
  const calls: Array<string | undefined> = [];
  const items = await followPages({
    system: 'permits',
    operation: 'listHolderPermits',
    fetchPage: pages({ first: { items: [1, 2], nextPageToken: 'a' }, a: { items: [3], nextPageToken: 'b' }, b: { items: [4] } }, calls),
    endless,
    logger: silentLogger,
  });
  expect(items).toEqual([1, 2, 3, 4]);
  expect(calls).toEqual([undefined, 'a', 'b']);
});

it('refuses a token that comes back and a paging longer than maxPages', async () => {
  const loop = { first: { items: [1], nextPageToken: 'a' }, a: { items: [2], nextPageToken: 'a' } };
  await expect(followPages({ system: 'permits', operation: 'op', fetchPage: pages(loop, []), endless, logger: silentLogger })).rejects.toThrow('does not come to an end');
  const long = { first: { items: [1], nextPageToken: 'a' }, a: { items: [2], nextPageToken: 'b' }, b: { items: [3] } };
  await expect(followPages({ system: 'permits', operation: 'op', fetchPage: pages(long, []), endless, logger: silentLogger, maxPages: 2 })).rejects.toThrow(
    'does not come to an end',
  );
});

it('restarts from the first page once when a page token expired, and not a second time', async () => {
  const warnings: Array<Record<string, unknown>> = [];
  const logger = { ...silentLogger, warn: (obj: Record<string, unknown>) => warnings.push(obj) };
  let failures = 1;
  const calls: Array<string | undefined> = [];
  const items = await followPages({
    system: 'hotline-12345',
    operation: 'listWorkOrders',
    fetchPage: async (token) => {
      calls.push(token);
      if (token === 'a' && failures-- > 0) throw expired();
      return token === undefined ? { items: [1], nextPageToken: 'a' } : { items: [2] };
    },
    endless,
    logger,
  });
  expect(items).toEqual([1, 2]);
  expect(calls).toEqual([undefined, 'a', undefined, 'a']);
  expect(warnings).toEqual([{ system: 'hotline-12345', operation: 'listWorkOrders' }]);

  const always = followPages({
    system: 'hotline-12345',
    operation: 'listWorkOrders',
    fetchPage: async (token) => {
      if (token === 'a') throw expired();
      return { items: [1], nextPageToken: 'a' };
    },
    endless,
    logger: silentLogger,
  });
  await expect(always).rejects.toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN' });
});

it('keeps the newest copy of an item seen twice, at the place it first appeared', () => {
  const rows = [
    { no: 'A', v: 1 },
    { no: 'B', v: 3 },
    { no: 'A', v: 2 },
    { no: 'B', v: 2 },
  ];
  expect(newestByKey(rows, (r) => r.no, (r) => r.v)).toEqual([
    { no: 'A', v: 2 },
    { no: 'B', v: 3 },
  ]);
});
