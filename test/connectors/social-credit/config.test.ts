import {
  SANDBOX_CREDIT_PASSWORD,
  SANDBOX_CREDIT_USERNAME,
  SocialCreditConfigError,
  parseSocialCreditConfig,
} from '../../../connectors/social-credit/config';

describe('parseSocialCreditConfig', () => {
  it('without CREDIT_URL: simulator with the sandbox account, contract timeout, cache off', () => {
    const config = parseSocialCreditConfig({});
    expect(config).toMatchObject({
      url: null,
      username: SANDBOX_CREDIT_USERNAME,
      password: SANDBOX_CREDIT_PASSWORD,
      timeoutMs: 20_000,
      batchTimeoutMs: 20_000,
      profileCacheTtlMs: 0,
      defaultPurpose: 'LAW_ENFORCEMENT',
    });
  });

  it('reads the remote settings', () => {
    const config = parseSocialCreditConfig({
      CREDIT_URL: 'https://credit.example.gov.cn/services/CreditSharingService',
      CREDIT_USERNAME: 'hub',
      CREDIT_PASSWORD: ' s3cret ',
      CREDIT_TIMEOUT_MS: '15000',
      CREDIT_BATCH_TIMEOUT_MS: '18000',
      CREDIT_PROFILE_CACHE_TTL_MS: '60000',
      CREDIT_QUERY_PURPOSE: 'DAILY_SUPERVISION',
    });
    expect(config).toMatchObject({
      url: 'https://credit.example.gov.cn/services/CreditSharingService',
      username: 'hub',
      password: ' s3cret ',
      timeoutMs: 15_000,
      batchTimeoutMs: 18_000,
      profileCacheTtlMs: 60_000,
      defaultPurpose: 'DAILY_SUPERVISION',
    });
  });

  it('with CREDIT_URL, missing credentials are named', () => {
    expect(() => parseSocialCreditConfig({ CREDIT_URL: 'https://x.example/s', CREDIT_PASSWORD: 'p' })).toThrow(/CREDIT_USERNAME/);
    expect(() => parseSocialCreditConfig({ CREDIT_URL: 'https://x.example/s', CREDIT_USERNAME: 'u' })).toThrow(/CREDIT_PASSWORD/);
    expect(() => parseSocialCreditConfig({ CREDIT_URL: 'https://x.example/s', CREDIT_USERNAME: 'u', CREDIT_PASSWORD: '' })).toThrow(
      SocialCreditConfigError,
    );
  });

  it('refuses bad values, naming the variable and never echoing the password', () => {
    expect(() => parseSocialCreditConfig({ CREDIT_URL: 'ftp://x' })).toThrow(/CREDIT_URL/);
    expect(() => parseSocialCreditConfig({ CREDIT_URL: 'not a url' })).toThrow(/CREDIT_URL/);
    expect(() => parseSocialCreditConfig({ CREDIT_TIMEOUT_MS: 'soon' })).toThrow(/CREDIT_TIMEOUT_MS/);
    expect(() => parseSocialCreditConfig({ CREDIT_PROFILE_CACHE_TTL_MS: '-1' })).toThrow(/CREDIT_PROFILE_CACHE_TTL_MS/);
    expect(() => parseSocialCreditConfig({ CREDIT_QUERY_PURPOSE: 'CURIOSITY' })).toThrow(/CREDIT_QUERY_PURPOSE/);
    let message = '';
    try {
      parseSocialCreditConfig({ CREDIT_URL: 'https://u:hunter2@x.example/s', CREDIT_USERNAME: 'u', CREDIT_PASSWORD: 'hunter2' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/CREDIT_URL/);
    expect(message).not.toContain('hunter2');
  });
});
