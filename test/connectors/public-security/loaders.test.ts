// createPublicSecurityLoaders: batching per purpose + caseNo in calls of ≤20, local refusal of
// invalid keys, results in order — counted by the simulator.
import { ConnectorError } from '../../../connectors/core';
import {
  createPublicSecurityLoaders,
  PublicSecurityClient,
  simulatedNameFor,
  simulatedVerification,
  startPublicSecuritySimulator,
  type IdentityKey,
  type PublicSecuritySimulator,
  type VerificationOutcome,
} from '../../../connectors/public-security';
import { APP_ID, CASE_NO, CHEN, clientConfig, errorText, LI, PURPOSE, TOKEN, validIdNumber, WANG, withBadCheck } from './helpers';

let sim: PublicSecuritySimulator;
let client: PublicSecurityClient;

beforeAll(async () => {
  sim = await startPublicSecuritySimulator({ appId: APP_ID, token: TOKEN, recordRequests: true });
  client = await PublicSecurityClient.create(clientConfig(sim.url, { maxAttempts: 1 }));
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

beforeEach(() => {
  sim.control.reset();
  sim.requests.length = 0;
  sim.audit.length = 0;
});

function personsInRequest(body: string): number {
  return (body.match(/<(?:[\w.-]+:)?person>/g) ?? []).length;
}

function key(idNumber: string, name: string, caseNo = CASE_NO): IdentityKey {
  return { name, idNumber, purpose: PURPOSE, caseNo };
}

describe('identity loader', () => {
  it('sends 45 persons of one purpose and case asked in one tick as exactly 3 calls (20 + 20 + 5), results in order', async () => {
    const keys = Array.from({ length: 45 }, (_, i) => {
      const idNumber = validIdNumber(i, '19880203');
      return key(idNumber, i % 2 === 0 ? simulatedNameFor(idNumber) : '张三');
    });
    const loaders = createPublicSecurityLoaders(client);
    const outcomes = await Promise.all(keys.map((k) => loaders.identity.load(k)));

    expect(sim.control.calls.BatchVerifyIdentity).toBe(3);
    expect(sim.control.calls.VerifyIdentity).toBeUndefined();
    expect(sim.control.items.BatchVerifyIdentity).toBe(45);
    expect(sim.requests.map((r) => personsInRequest(r.body)).sort((a, b) => b - a)).toEqual([20, 20, 5]);
    expect(outcomes.map((o) => o.match)).toEqual(keys.map((k) => simulatedVerification(k.idNumber, k.name)));
    expect(outcomes.filter((o) => o.match === 'MATCH')).toHaveLength(23);
  });

  it('refuses an invalid ID number alone, without sending it, and answers the other keys', async () => {
    const bad = withBadCheck(LI.idNumber);
    const loaders = createPublicSecurityLoaders(client);
    const results = await Promise.allSettled([
      loaders.identity.load(key(CHEN.idNumber, CHEN.name)),
      loaders.identity.load(key(bad, LI.name)),
      loaders.identity.load(key(WANG.idNumber, '王丽')),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseFulfilledResult<VerificationOutcome>).value.match).toBe('MATCH');
    expect((results[2] as PromiseFulfilledResult<VerificationOutcome>).value.match).toBe('MISMATCH');
    const err = (results[1] as PromiseRejectedResult).reason as ConnectorError;
    expect(err).toBeInstanceOf(ConnectorError);
    expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_REJECTED', 'INVALID_ID_NUMBER']);
    expect(errorText(err)).not.toContain(bad);

    expect(sim.control.calls.BatchVerifyIdentity).toBe(1);
    expect(sim.control.items.BatchVerifyIdentity).toBe(2);
    expect(sim.requests.some((r) => r.body.includes(bad))).toBe(false);
  });

  it('refuses a key without purpose or caseNo locally', async () => {
    const loaders = createPublicSecurityLoaders(client);
    const err = (await loaders.identity.load({ ...key(CHEN.idNumber, CHEN.name), caseNo: '' }).catch((e: unknown) => e)) as ConnectorError;
    expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_REJECTED', 'INVALID_REQUEST']);
    expect(sim.control.totalCalls()).toBe(0);
  });

  it('makes one call per purpose + caseNo group and asks for a repeated key once', async () => {
    const loaders = createPublicSecurityLoaders(client);
    const [a, b, c, d] = await Promise.all([
      loaders.identity.load(key(CHEN.idNumber, CHEN.name, 'CASE-A')),
      loaders.identity.load(key(LI.idNumber, LI.name, 'CASE-B')),
      loaders.identity.load(key(WANG.idNumber, WANG.name, 'CASE-A')),
      loaders.identity.load(key(CHEN.idNumber, CHEN.name, 'CASE-A')),
    ]);
    expect([a.match, b.match, c.match, d.match]).toEqual(['MATCH', 'MATCH', 'MATCH', 'MATCH']);
    expect(d).toBe(a);
    expect(sim.control.calls.BatchVerifyIdentity).toBe(2);
    expect(sim.control.items.BatchVerifyIdentity).toBe(3);
    expect(sim.audit.map((e) => [e.caseNo, e.persons]).sort()).toEqual([
      ['CASE-A', 2],
      ['CASE-B', 1],
    ]);
  });

  it('rejects every key of a failed call with the same ConnectorError', async () => {
    sim.control.set({ fault: 'AUTH_FAILED' });
    const loaders = createPublicSecurityLoaders(client);
    const results = await Promise.allSettled([
      loaders.identity.load(key(CHEN.idNumber, CHEN.name)),
      loaders.identity.load(key(LI.idNumber, LI.name)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const [e1, e2] = results.map((r) => (r as PromiseRejectedResult).reason as ConnectorError);
    expect(e1).toBe(e2);
    expect([e1.code, e1.upstreamCode]).toEqual(['UPSTREAM_REJECTED', 'AUTH_FAILED']);
    expect(sim.control.calls.BatchVerifyIdentity).toBe(1);
  });
});
