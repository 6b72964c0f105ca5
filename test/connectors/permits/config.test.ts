import { parsePermitsConfig, SANDBOX_APP_ID, SANDBOX_APP_SECRET } from '../../../connectors/permits/config';

describe('parsePermitsConfig', () => {
  it('runs the simulator with sandbox credentials and the contract defaults when PERMITS_URL is unset', () => {
    const config = parsePermitsConfig({});
    expect(config.url).toBeNull();
    expect(config.appId).toBe(SANDBOX_APP_ID);
    expect(config.appSecret).toBe(SANDBOX_APP_SECRET);
    expect(config.timeoutMs).toBe(5000);
    expect(config.maxAttempts).toBe(3);
    expect(config.baseDelayMs).toBe(1000);
    expect(config.pageSize).toBe(100);
  });

  it('requires the app id and secret with a real URL, naming the missing variable', () => {
    expect(() => parsePermitsConfig({ PERMITS_URL: 'https://permits-api.gov.example' })).toThrow(/PERMITS_APP_ID/);
    expect(() => parsePermitsConfig({ PERMITS_URL: 'https://permits-api.gov.example', PERMITS_APP_ID: 'lh' })).toThrow(/PERMITS_APP_SECRET/);
    const config = parsePermitsConfig({
      PERMITS_URL: 'https://permits-api.gov.example/gateway/',
      PERMITS_APP_ID: 'lh-hub',
      PERMITS_APP_SECRET: 's3cret-value',
      PERMITS_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({ url: 'https://permits-api.gov.example/gateway', appId: 'lh-hub', appSecret: 's3cret-value', timeoutMs: 3000 });
  });

  it('refuses a bad URL or timeout, naming the variable and never echoing the secret', () => {
    expect(() => parsePermitsConfig({ PERMITS_URL: 'permits-api.gov.example' })).toThrow(/PERMITS_URL/);
    expect(() => parsePermitsConfig({ PERMITS_URL: 'ftp://permits-api.gov.example', PERMITS_APP_ID: 'a', PERMITS_APP_SECRET: 'b' })).toThrow(/PERMITS_URL/);
    expect(() => parsePermitsConfig({ PERMITS_TIMEOUT_MS: 'soon' })).toThrow(/PERMITS_TIMEOUT_MS/);
    expect(() => parsePermitsConfig({ PERMITS_TIMEOUT_MS: '0' })).toThrow(/PERMITS_TIMEOUT_MS/);
    let message = '';
    try {
      parsePermitsConfig({ PERMITS_URL: 'https://h', PERMITS_APP_SECRET: 'very-secret-value' });
    } catch (err) {
      message = String(err);
    }
    expect(message).toMatch(/PERMITS_APP_ID/);
    expect(message).not.toContain('very-secret-value');
  });
});
