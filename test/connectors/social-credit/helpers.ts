// Shared pieces of the social credit connector tests.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PolicyClock } from '../../../connectors/core';
import { SocialCreditClient, type SocialCreditClientOptions } from '../../../connectors/social-credit/client';
import type { PenaltyRecord } from '../../../connectors/social-credit/types';

export const USERNAME = 'lhgh_zhzf_hub';
export const PASSWORD = 'Test#Credit2025';

/** A clock whose sleep returns at once, records the wait and moves time forward by it. */
export interface FakeClock extends PolicyClock {
  sleeps: number[];
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start = Date.parse('2026-11-18T10:00:00+08:00')): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    random: () => 0.5,
    advance: (ms: number) => {
      t += ms;
    },
    set: (ms: number) => {
      t = ms;
    },
  };
}

const open: Array<{ close(): Promise<void> }> = [];

/** Registers something to close at the end of the file, even when a test fails half-way. */
export function track<T extends { close(): Promise<void> }>(item: T): T {
  open.push(item);
  return item;
}

/** Closes every client, stub and tracked simulator (top-level afterAll of each file). */
export async function closeAll(): Promise<void> {
  const items = open.splice(0, open.length);
  await Promise.all(items.map((item) => item.close().catch(() => undefined)));
}

export async function makeClient(endpoint: string, overrides: Partial<SocialCreditClientOptions> = {}): Promise<SocialCreditClient> {
  const client = await SocialCreditClient.create({
    endpoint,
    username: USERNAME,
    password: PASSWORD,
    timeoutMs: 5_000,
    maxAttempts: 3,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 400,
    maxRetryAfterMs: 5_000,
    breaker: { failureThreshold: 50, openMs: 30_000 },
    ...overrides,
  });
  open.push(client);
  return client;
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A raw HTTP server answering whatever `respond` returns (null = never answer), recording requests. */
export async function startRawStub(respond: (req: CapturedRequest, index: number) => CannedResponse | null): Promise<{
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}> {
  const requests: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(captured);
      const answer = respond(captured, requests.length - 1);
      if (!answer) return; // hang
      res.writeHead(answer.status, { 'content-type': 'text/xml; charset=utf-8', ...(answer.headers ?? {}) });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  const stub = {
    url: `http://127.0.0.1:${port}/services/CreditSharingService`,
    requests,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(stub);
  return stub;
}

export function faultBody(faultCode: 'Client' | 'Server', code: string, extra = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cs="urn:gov:credit:sharing:v2"><soapenv:Body>' +
    `<soapenv:Fault><faultcode>soapenv:${faultCode}</faultcode><faultstring xml:lang="zh-CN">故障</faultstring>` +
    `<detail><cs:CreditFault><cs:code>${code}</cs:code><cs:message>模拟</cs:message>${extra}</cs:CreditFault></detail>` +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}

/** The record of examples/social-credit/ReportAdministrativePenalty.request.xml. */
export function exampleRecord(overrides: Partial<PenaltyRecord> = {}): PenaltyRecord {
  return {
    partyName: '深圳市观澜湖畔餐饮管理有限公司',
    partyCategory: 'LEGAL_PERSON',
    uscc: '91440309MA5H2R7W2D',
    legalRepresentative: '黄志强',
    idType: 'ID_CARD',
    idNumber: '44148119780925115X',
    decisionNo: '深龙华观湖罚决〔2025〕37号',
    violationType: '超出许可范围占用城市道路从事经营活动',
    facts:
      '2025年3月10日至3月16日，当事人超出临时占用城市道路许可（编号440309ZYDL2024000311）核准的18平方米范围，在大和路56号门前人行道摆放餐桌椅约45平方米从事餐饮经营，经责令改正后仍未改正。',
    legalBasis: '《城市道路管理条例》第三十一条、第四十二条',
    penaltyCategories: ['FINE'],
    penaltyContent: '罚款人民币伍仟元整（5000.00元）',
    fineAmount: '0.500000',
    decisionDate: '2025-03-17',
    validUntil: '2025-04-01',
    publicUntil: '2025-06-17',
    authorityName: '深圳市龙华区观湖街道办事处',
    authorityUscc: '11440309MB2C17843E',
    sourceUnit: '深圳市龙华区观湖街道办事处',
    sourceUnitUscc: '11440309MB2C17843E',
    ...overrides,
  };
}

/** Runs `fn` and returns what it threw (fails the test when it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** `n` distinct valid USCCs (check character computed). */
export function validCodes(n: number): string[] {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const first17 = `91440309MA${String(i).padStart(5, '0')}K7`;
    let sum = 0;
    for (let j = 0; j < 17; j += 1) sum += alphabet.indexOf(first17[j]) * weights[j];
    const c = 31 - (sum % 31);
    out.push(first17 + alphabet[c === 31 ? 0 : c]);
  }
  return out;
}
