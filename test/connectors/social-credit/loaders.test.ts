import { ConnectorError } from '../../../connectors/core';
import type { SocialCreditClient } from '../../../connectors/social-credit/client';
import { createSocialCreditConnector, type SocialCreditConnector } from '../../../connectors/social-credit';
import { CreditProfileCache, createSocialCreditLoaders } from '../../../connectors/social-credit/loaders';
import { startSocialCreditSimulator, type SocialCreditSimulator } from '../../../connectors/social-credit/simulator/server';
import { closeAll, fakeClock, makeClient, PASSWORD, track, USERNAME, validCodes } from './helpers';

afterAll(closeAll);

describe('createSocialCreditLoaders', () => {
  let sim: SocialCreditSimulator;
  let client: SocialCreditClient;

  beforeAll(async () => {
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, requestsPerSecond: 0 }));
    client = await makeClient(sim.url, { maxAttempts: 1 });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  afterEach(() => {
    sim.control.reset();
    jest.restoreAllMocks();
  });

  it('120 distinct codes in one tick → exactly 3 BatchQueryCreditProfile calls of 50, 50 and 20', async () => {
    const count = jest.spyOn(sim.control, 'count');
    const loaders = createSocialCreditLoaders(client);
    const codes = validCodes(120);
    const results = await Promise.all(codes.map((c) => loaders.creditProfile.load(c)));
    expect(sim.control.calls).toEqual({ BatchQueryCreditProfile: 3 });
    expect(count.mock.calls.map(([, items]) => items).sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual([50, 50, 20]);
    // Every key got its own subject back (or null for no record).
    results.forEach((profile, i) => {
      if (profile !== null) expect(profile.subjectCode).toBe(codes[i]);
    });
    expect(results.filter((p) => p !== null).length).toBeGreaterThan(100);
  });

  it('caches per request: the same code twice, and again later in the request, costs one call', async () => {
    const loaders = createSocialCreditLoaders(client);
    const [a, b] = await Promise.all([loaders.creditProfile.load('91440300MA5DTB8661'), loaders.creditProfile.load('91440300MA5DTB8661')]);
    await loaders.creditProfile.load('91440300MA5DTB8661');
    expect(a).toBe(b);
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(1);
    expect(sim.control.items.BatchQueryCreditProfile).toBe(1);
    // A new request has its own loaders (no shared cache configured): it asks again.
    await createSocialCreditLoaders(client).creditProfile.load('91440300MA5DTB8661');
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(2);
  });

  it('rejects a code with a bad check character alone, without sending it; the rest of the batch resolves', async () => {
    const loaders = createSocialCreditLoaders(client);
    const keys = ['91440309MA5H2R7W2D', '91440309MA5H2R7W2E', '92440309MA5J3Q1E1R', '43052419920718402x', '43052419920718402X', 'I1440309MA5H2R7W2D'];
    const settled = await Promise.allSettled(keys.map((k) => loaders.creditProfile.load(k)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    for (const i of [1, 3, 5]) {
      const reason = (settled[i] as PromiseRejectedResult).reason as ConnectorError;
      expect(reason).toBeInstanceOf(ConnectorError);
      expect(reason).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_CODE', retryable: false, system: 'social-credit' });
    }
    expect((settled[0] as PromiseFulfilledResult<unknown>).value).toMatchObject({ subjectName: '深圳市观澜湖畔餐饮管理有限公司' });
    expect((settled[2] as PromiseFulfilledResult<unknown>).value).toMatchObject({ creditRating: 'A' });
    expect((settled[4] as PromiseFulfilledResult<unknown>).value).toBeNull(); // 李秀英: no record
    expect(sim.control.calls).toEqual({ BatchQueryCreditProfile: 1 });
    expect(sim.control.items.BatchQueryCreditProfile).toBe(3);
  });

  it('a failed batch rejects each of its keys with the ConnectorError', async () => {
    sim.control.set({ errorRate: 1 });
    const loaders = createSocialCreditLoaders(client);
    const keys = validCodes(3);
    const settled = await Promise.allSettled(keys.map((k) => loaders.creditProfile.load(k)));
    const reasons = settled.map((s) => (s as PromiseRejectedResult).reason as ConnectorError);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    for (const r of reasons) expect(r).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL_ERROR' });
    expect(reasons[1]).toBe(reasons[0]);
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(1);
  });

  it('a shared cache answers within its TTL and asks again after it (injected time)', async () => {
    let now = 1_000_000;
    const cache = new CreditProfileCache(60_000, () => now);
    const first = createSocialCreditLoaders(client, cache);
    const [profile, missing] = await Promise.all([
      first.creditProfile.load('91440300MA5DTB8661'),
      first.creditProfile.load('91440309MA5G8H3L1D'),
    ]);
    expect(profile).not.toBeNull();
    expect(missing).toBeNull();
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(1);

    now += 59_999;
    const second = createSocialCreditLoaders(client, cache);
    await expect(second.creditProfile.load('91440300MA5DTB8661')).resolves.toEqual(profile);
    await expect(second.creditProfile.load('91440309MA5G8H3L1D')).resolves.toBeNull(); // "no record" is cached too
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(1);

    now += 1;
    const third = createSocialCreditLoaders(client, cache);
    await Promise.all([third.creditProfile.load('91440300MA5DTB8661'), third.creditProfile.load('92440309MA5J3Q1E1R')]);
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(2);
    expect(sim.control.items.BatchQueryCreditProfile).toBe(4);
  });

  it('failures are not cached across requests', async () => {
    const cache = new CreditProfileCache(60_000);
    sim.control.set({ errorRate: 1 });
    await expect(createSocialCreditLoaders(client, cache).creditProfile.load('91440300MA5DTB8661')).rejects.toBeInstanceOf(ConnectorError);
    sim.control.set({ errorRate: 0 });
    await expect(createSocialCreditLoaders(client, cache).creditProfile.load('91440300MA5DTB8661')).resolves.not.toBeNull();
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(2);
  });
});

describe('connector loaders with CREDIT_PROFILE_CACHE_TTL_MS', () => {
  let connector: SocialCreditConnector;
  const clock = fakeClock();

  beforeAll(async () => {
    connector = await createSocialCreditConnector(
      { url: null, username: USERNAME, password: PASSWORD, timeoutMs: 5_000, profileCacheTtlMs: 30_000 },
      { clock },
    );
  });
  afterAll(async () => {
    await connector.close();
  });

  it('creates the shared cache once; loaders of later requests use it until the TTL passes', async () => {
    const sim = connector.simulator!;
    expect(connector.profileCache).not.toBeNull();
    expect(connector.profileCache!.ttlMs).toBe(30_000);
    await connector.createLoaders().creditProfile.load('91440309MA5H2R7W2D');
    await connector.createLoaders().creditProfile.load('91440309MA5H2R7W2D');
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(1);
    clock.advance(30_000);
    await connector.createLoaders().creditProfile.load('91440309MA5H2R7W2D');
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(2);
  });
});
