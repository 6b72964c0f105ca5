import {
  HotlineConfigError,
  parseHotlineConfig,
  SANDBOX_HOTLINE_API_KEY,
  SANDBOX_HOTLINE_WEBHOOK_SECRET,
  webhookSecretsOf,
} from '../../../connectors/hotline-12345/config';

const URL_ENV = { HOTLINE_URL: 'https://hotline12345-api.gov.example/' };
const REMOTE = { ...URL_ENV, HOTLINE_API_KEY: 'hk-live-value', HOTLINE_WEBHOOK_SECRET: 'whsec-live-value' };

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a configuration error');
}

describe('parseHotlineConfig', () => {
  it('runs the simulator with sandbox credentials, the sandbox unit and the contract defaults when HOTLINE_URL is unset', () => {
    const config = parseHotlineConfig({});
    expect(config).toMatchObject({
      url: null,
      apiKey: SANDBOX_HOTLINE_API_KEY,
      webhookSecret: SANDBOX_HOTLINE_WEBHOOK_SECRET,
      previousWebhookSecret: null,
      assignee: '440309-LH-ZHZF',
      timeoutMs: 10_000,
      pageSize: 50,
      simulatorDispatchMs: 20_000,
      maxAttempts: 3,
    });
    expect(webhookSecretsOf(config)).toEqual([SANDBOX_HOTLINE_WEBHOOK_SECRET]);
  });

  it('requires the key and the webhook secret with a real URL, naming the missing variable', () => {
    expect(() => parseHotlineConfig(URL_ENV)).toThrow(/HOTLINE_API_KEY/);
    expect(() => parseHotlineConfig({ ...URL_ENV, HOTLINE_API_KEY: 'k' })).toThrow(/HOTLINE_WEBHOOK_SECRET/);
    expect(() => parseHotlineConfig({ ...URL_ENV, HOTLINE_API_KEY: '  ', HOTLINE_WEBHOOK_SECRET: 'w' })).toThrow(/HOTLINE_API_KEY/);
    expect(thrown(() => parseHotlineConfig(URL_ENV))).toBeInstanceOf(HotlineConfigError);
  });

  it('reads every variable', () => {
    const config = parseHotlineConfig({
      ...REMOTE,
      HOTLINE_WEBHOOK_SECRET_PREVIOUS: 'whsec-old',
      HOTLINE_ASSIGNEE: '440309-GH-ZHZF',
      HOTLINE_TIMEOUT_MS: '8000',
      HOTLINE_MAX_ATTEMPTS: '4',
      HOTLINE_RETRY_BASE_DELAY_MS: '500',
      HOTLINE_RETRY_MAX_DELAY_MS: '4000',
      HOTLINE_MAX_RETRY_AFTER_MS: '2000',
      HOTLINE_BREAKER_FAILURES: '7',
      HOTLINE_BREAKER_OPEN_MS: '60000',
      HOTLINE_PAGE_SIZE: '100',
      HOTLINE_SIMULATOR_DISPATCH_MS: '0',
    });
    expect(config).toEqual({
      url: 'https://hotline12345-api.gov.example',
      apiKey: 'hk-live-value',
      webhookSecret: 'whsec-live-value',
      previousWebhookSecret: 'whsec-old',
      assignee: '440309-GH-ZHZF',
      timeoutMs: 8000,
      maxAttempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 4000,
      maxRetryAfterMs: 2000,
      breakerFailureThreshold: 7,
      breakerOpenMs: 60_000,
      pageSize: 100,
      simulatorDispatchMs: 0,
    });
    expect(webhookSecretsOf(config)).toEqual(['whsec-live-value', 'whsec-old']);
  });

  it.each([
    ['HOTLINE_URL', { HOTLINE_URL: 'hotline12345-api.gov.example' }],
    ['HOTLINE_URL', { HOTLINE_URL: 'ftp://hotline12345-api.gov.example' }],
    ['HOTLINE_URL', { HOTLINE_URL: 'https://u:p@hotline12345-api.gov.example' }],
    ['HOTLINE_URL', { HOTLINE_URL: 'https://hotline12345-api.gov.example/?key=1' }],
    ['HOTLINE_ASSIGNEE', { HOTLINE_ASSIGNEE: '440309-gh-zhzf' }],
    ['HOTLINE_ASSIGNEE', { HOTLINE_ASSIGNEE: '观湖执法队' }],
    ['HOTLINE_ASSIGNEE', { HOTLINE_ASSIGNEE: 'A' }],
    ['HOTLINE_TIMEOUT_MS', { HOTLINE_TIMEOUT_MS: 'soon' }],
    ['HOTLINE_TIMEOUT_MS', { HOTLINE_TIMEOUT_MS: '0' }],
    ['HOTLINE_PAGE_SIZE', { HOTLINE_PAGE_SIZE: '101' }],
    ['HOTLINE_PAGE_SIZE', { HOTLINE_PAGE_SIZE: '0' }],
    ['HOTLINE_SIMULATOR_DISPATCH_MS', { HOTLINE_SIMULATOR_DISPATCH_MS: '-1' }],
    ['HOTLINE_MAX_ATTEMPTS', { HOTLINE_MAX_ATTEMPTS: '0' }],
  ])('refuses a bad %s, naming it', (variable, env) => {
    const err = thrown(() => parseHotlineConfig(env));
    expect(err).toBeInstanceOf(HotlineConfigError);
    expect((err as HotlineConfigError).variable).toBe(variable);
    expect(err.message).toContain(variable);
  });

  it('never echoes a value in its messages', () => {
    const values = ['hk-very-secret-key', 'whsec-very-secret', 'https://secret-user:pw@host.example', 'soon-ish-value', 'lower-case-unit'];
    const messages = [
      thrown(() => parseHotlineConfig({ HOTLINE_URL: values[2], HOTLINE_API_KEY: values[0], HOTLINE_WEBHOOK_SECRET: values[1] })).message,
      thrown(() => parseHotlineConfig({ ...URL_ENV, HOTLINE_WEBHOOK_SECRET: values[1] })).message,
      thrown(() => parseHotlineConfig({ HOTLINE_TIMEOUT_MS: values[3] })).message,
      thrown(() => parseHotlineConfig({ HOTLINE_ASSIGNEE: values[4] })).message,
      thrown(() => parseHotlineConfig({ HOTLINE_API_KEY: 'has space' })).message,
    ].join('\n');
    for (const value of [...values, 'has space', 'secret-user']) expect(messages).not.toContain(value);
  });
});
