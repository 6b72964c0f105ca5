// parsePublicSecurityConfig and createPublicSecurityConnector (simulator and remote modes).
import {
  createPublicSecurityConnector,
  parsePublicSecurityConfig,
  PSB_SANDBOX_APP_ID,
  PSB_SANDBOX_TOKEN,
  startPublicSecuritySimulator,
} from '../../../connectors/public-security';
import { APP_ID, CASE_NO, CHEN, PURPOSE, TOKEN } from './helpers';

describe('parsePublicSecurityConfig', () => {
  it('uses the sandbox credential and the in-process simulator when PSB_URL is unset', () => {
    const config = parsePublicSecurityConfig({});
    expect(config).toMatchObject({ url: null, appId: PSB_SANDBOX_APP_ID, token: PSB_SANDBOX_TOKEN, timeoutMs: 15_000 });
  });

  it('reads PSB_URL, PSB_APP_ID, PSB_TOKEN and PSB_TIMEOUT_MS', () => {
    const config = parsePublicSecurityConfig({
      PSB_URL: 'https://psb.example.gov/services/LawEnforcementSupportService',
      PSB_APP_ID: APP_ID,
      PSB_TOKEN: TOKEN,
      PSB_TIMEOUT_MS: '12000',
    });
    expect(config).toMatchObject({ url: 'https://psb.example.gov/services/LawEnforcementSupportService', appId: APP_ID, token: TOKEN, timeoutMs: 12_000 });
  });

  it('refuses a URL without credentials, naming the variable and never the token', () => {
    expect(() => parsePublicSecurityConfig({ PSB_URL: 'https://psb.example.gov/x', PSB_TOKEN: TOKEN })).toThrow(/^PSB_APP_ID /);
    expect(() => parsePublicSecurityConfig({ PSB_URL: 'https://psb.example.gov/x', PSB_APP_ID: APP_ID })).toThrow(/^PSB_TOKEN /);
    expect(() => parsePublicSecurityConfig({ PSB_URL: 'ftp://psb.example.gov/x', PSB_APP_ID: APP_ID, PSB_TOKEN: TOKEN })).toThrow(/^PSB_URL /);
    let message = '';
    try {
      parsePublicSecurityConfig({ PSB_URL: 'https://psb.example.gov/x', PSB_APP_ID: APP_ID, PSB_TOKEN: TOKEN, PSB_TIMEOUT_MS: 'soon' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^PSB_TIMEOUT_MS /);
    expect(message).not.toContain(TOKEN);
  });
});

describe('createPublicSecurityConnector', () => {
  it('runs against an in-process simulator on 127.0.0.1 when no URL is configured', async () => {
    const connector = await createPublicSecurityConnector({ ...parsePublicSecurityConfig({}), simulatorAdvanceMs: 0 }, {});
    try {
      expect(connector.system).toBe('public-security');
      expect(connector.simulator).not.toBeNull();
      expect(connector.simulator?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/LawEnforcementSupportService$/);
      const outcome = await connector.createLoaders().identity.load({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO });
      expect(outcome.match).toBe('MATCH');
      expect(connector.simulator?.control.calls.BatchVerifyIdentity).toBe(1);
      expect(connector.health()).toMatchObject({ system: 'public-security', mode: 'simulator', circuit: 'CLOSED', recentCalls: 1, errorRate: 0 });
    } finally {
      await connector.close();
    }
  });

  it('calls the configured URL in remote mode, with the configured credential', async () => {
    const remote = await startPublicSecuritySimulator({ appId: APP_ID, token: TOKEN });
    const connector = await createPublicSecurityConnector(
      parsePublicSecurityConfig({ PSB_URL: remote.url, PSB_APP_ID: APP_ID, PSB_TOKEN: TOKEN }),
    );
    try {
      expect(connector.simulator).toBeNull();
      expect((await connector.client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO })).match).toBe('MATCH');
      expect(remote.control.calls.VerifyIdentity).toBe(1);
      expect(connector.health().mode).toBe('remote');
    } finally {
      await connector.close();
      await remote.close();
    }
  });
});
