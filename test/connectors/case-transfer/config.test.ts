import {
  callbackSecretsOf,
  parseCaseTransferConfig,
  SANDBOX_TRANSFER_CALLBACK_SECRET,
  SANDBOX_TRANSFER_CLIENT_ID,
  SANDBOX_TRANSFER_CLIENT_SECRET,
} from '../../../connectors/case-transfer/config';

const URL_ENV = { TRANSFER_URL: 'https://lfxj-api.gov.example/' };

describe('parseCaseTransferConfig', () => {
  it('runs the simulator with sandbox credentials and the contract timeouts when TRANSFER_URL is unset', () => {
    const config = parseCaseTransferConfig({});
    expect(config.url).toBeNull();
    expect(config.clientId).toBe(SANDBOX_TRANSFER_CLIENT_ID);
    expect(config.clientSecret).toBe(SANDBOX_TRANSFER_CLIENT_SECRET);
    expect(config.callbackSecret).toBe(SANDBOX_TRANSFER_CALLBACK_SECRET);
    expect(config.timeoutMs).toBe(10_000);
    expect(config.uploadTimeoutMs).toBe(30_000);
    expect(config.tokenRenewBeforeMs).toBe(300_000);
    expect(config.pageSize).toBe(50);
    expect(config.previousCallbackSecret).toBeNull();
  });

  it('requires every credential with a real URL, naming the missing variable', () => {
    expect(() => parseCaseTransferConfig({ ...URL_ENV })).toThrow(/TRANSFER_CLIENT_ID/);
    expect(() => parseCaseTransferConfig({ ...URL_ENV, TRANSFER_CLIENT_ID: 'hub' })).toThrow(/TRANSFER_CLIENT_SECRET/);
    expect(() => parseCaseTransferConfig({ ...URL_ENV, TRANSFER_CLIENT_ID: 'hub', TRANSFER_CLIENT_SECRET: 'cs' })).toThrow(/TRANSFER_CALLBACK_SECRET/);
    expect(() => parseCaseTransferConfig({ ...URL_ENV, TRANSFER_CLIENT_ID: ' ', TRANSFER_CLIENT_SECRET: 'cs', TRANSFER_CALLBACK_SECRET: 'wh' })).toThrow(
      /TRANSFER_CLIENT_ID/,
    );
    const config = parseCaseTransferConfig({
      ...URL_ENV,
      TRANSFER_CLIENT_ID: 'hub',
      TRANSFER_CLIENT_SECRET: 'cs-value',
      TRANSFER_CALLBACK_SECRET: 'wh-value',
      TRANSFER_CALLBACK_SECRET_PREVIOUS: 'wh-old',
      TRANSFER_TIMEOUT_MS: '8000',
      TRANSFER_UPLOAD_TIMEOUT_MS: '45000',
    });
    expect(config).toMatchObject({
      url: 'https://lfxj-api.gov.example',
      clientId: 'hub',
      clientSecret: 'cs-value',
      callbackSecret: 'wh-value',
      previousCallbackSecret: 'wh-old',
      timeoutMs: 8000,
      uploadTimeoutMs: 45_000,
    });
    expect(callbackSecretsOf(config)).toEqual(['wh-value', 'wh-old']);
  });

  it('refuses a bad URL or timeout, naming the variable and never echoing a secret', () => {
    expect(() => parseCaseTransferConfig({ TRANSFER_URL: 'lfxj-api.gov.example' })).toThrow(/TRANSFER_URL/);
    expect(() => parseCaseTransferConfig({ TRANSFER_URL: 'https://u:p@lfxj-api.gov.example' })).toThrow(/TRANSFER_URL/);
    expect(() => parseCaseTransferConfig({ TRANSFER_TIMEOUT_MS: 'soon' })).toThrow(/TRANSFER_TIMEOUT_MS/);
    expect(() => parseCaseTransferConfig({ TRANSFER_UPLOAD_TIMEOUT_MS: '0' })).toThrow(/TRANSFER_UPLOAD_TIMEOUT_MS/);
    let message = '';
    try {
      parseCaseTransferConfig({ ...URL_ENV, TRANSFER_CLIENT_SECRET: 'very-secret-value', TRANSFER_CALLBACK_SECRET: 'whsec-value' });
    } catch (err) {
      message = String(err);
    }
    expect(message).toMatch(/TRANSFER_CLIENT_ID/);
    expect(message).not.toContain('very-secret-value');
    expect(message).not.toContain('whsec-value');
  });
});
