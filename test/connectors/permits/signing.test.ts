import { computeSignature, EMPTY_BODY_SHA256, sha256Hex, signRequest, signatureMatches, stringToSign } from '../../../connectors/permits/signing';
import { exampleBytes } from './helpers';

// shared/contracts/README.md, "Permits" → "Test vector"
const SECRET = 'pk_test_5f2c9a71e4b84d3a';

// The 108 bytes of examples/permits/batchGetPermits.request.json, written out so the vector does
// not depend on how the file is read.
const BATCH_BODY =
  '{\n  "permitNos": [\n    "440309YJSG2025000078",\n    "440309ZDJY2025000999",\n    "440309RQJY2023000045"\n  ]\n}\n';

describe('permits request signing (contract test vectors)', () => {
  it('signs the GET with a query string exactly as the contract vector', () => {
    const input = {
      method: 'GET',
      path: '/api/v1/permits?holderCode=91440309MA5G8H3L1D&pageSize=50',
      timestamp: '1742261400',
      nonce: '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162',
      body: null,
    };
    expect(sha256Hex(null)).toBe(EMPTY_BODY_SHA256);
    expect(stringToSign(input)).toBe(
      `GET\n/api/v1/permits?holderCode=91440309MA5G8H3L1D&pageSize=50\n1742261400\n6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162\n${EMPTY_BODY_SHA256}`,
    );
    expect(computeSignature(SECRET, input)).toBe('eb5fedc855bbae104649863aa62d93a8af0b6dcf271ffad8c11aa121b1883ad6');
  });

  it('signs the POST batchGet over the 108-byte example body exactly as the contract vector', () => {
    expect(Buffer.byteLength(BATCH_BODY)).toBe(108);
    expect(sha256Hex(BATCH_BODY)).toBe('e9ca051c6ce36b9017406609c50c02a73c347f7e46a0bbfa263c4af451edeed7');
    const input = {
      method: 'POST',
      path: '/api/v1/permits:batchGet',
      timestamp: '1742261405',
      nonce: '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
      body: Buffer.from(BATCH_BODY, 'utf8'),
    };
    expect(computeSignature(SECRET, input)).toBe('79d84938637bf71f0d9b1404b25d2e196254c1afc5a4ca492f7b6c294b267766');
  });

  it('hashes the published example file to the same bytes', () => {
    const file = exampleBytes('batchGetPermits.request.json');
    expect(file.length).toBe(108);
    expect(file.equals(Buffer.from(BATCH_BODY, 'utf8'))).toBe(true);
  });

  it('builds the four headers with whole seconds and verifies them; any change breaks the signature', () => {
    const headers = signRequest({
      appId: 'app-1',
      appSecret: SECRET,
      method: 'GET',
      path: '/api/v1/permits?holderCode=91440309MA5G8H3L1D&pageSize=50',
      nowMs: 1742261400999,
      nonce: '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162',
    });
    expect(headers).toEqual({
      'X-App-Id': 'app-1',
      'X-Timestamp': '1742261400',
      'X-Nonce': '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162',
      'X-Signature': 'eb5fedc855bbae104649863aa62d93a8af0b6dcf271ffad8c11aa121b1883ad6',
    });
    const input = {
      method: 'GET',
      path: '/api/v1/permits?holderCode=91440309MA5G8H3L1D&pageSize=50',
      timestamp: headers['X-Timestamp'],
      nonce: headers['X-Nonce'],
    };
    expect(signatureMatches(SECRET, input, headers['X-Signature'])).toBe(true);
    // The query is part of what is signed.
    expect(signatureMatches(SECRET, { ...input, path: '/api/v1/permits' }, headers['X-Signature'])).toBe(false);
    expect(signatureMatches('another-secret', input, headers['X-Signature'])).toBe(false);
    expect(signatureMatches(SECRET, input, headers['X-Signature'].toUpperCase())).toBe(false);
  });

  it('uses a new nonce for every signing unless one is given', () => {
    const a = signRequest({ appId: 'a', appSecret: SECRET, method: 'GET', path: '/x', nowMs: 0 });
    const b = signRequest({ appId: 'a', appSecret: SECRET, method: 'GET', path: '/x', nowMs: 0 });
    expect(a['X-Nonce']).not.toBe(b['X-Nonce']);
    expect(a['X-Nonce']).toMatch(/^[A-Za-z0-9-]{16,64}$/);
    expect(a['X-Signature']).not.toBe(b['X-Signature']);
  });
});
