import { createSocialCreditConnector, parseSocialCreditConfig, yuanToWan } from '../../../connectors/social-credit';
import { startSocialCreditSimulator } from '../../../connectors/social-credit/simulator/server';
import { caught, closeAll, exampleRecord, PASSWORD, track, USERNAME } from './helpers';

afterAll(closeAll);

describe('createSocialCreditConnector', () => {
  it('without CREDIT_URL starts the simulator on 127.0.0.1 and reports mode "simulator"', async () => {
    const connector = await createSocialCreditConnector({ ...parseSocialCreditConfig({}), simulatorReportStepMs: 0 });
    try {
      expect(connector.system).toBe('social-credit');
      expect(connector.simulator).not.toBeNull();
      expect(connector.simulator!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/CreditSharingService$/);
      expect(connector.client.endpoint).toBe(connector.simulator!.url);
      expect(connector.profileCache).toBeNull();
      expect(connector.health()).toMatchObject({ system: 'social-credit', mode: 'simulator', circuit: 'CLOSED', recentCalls: 0, lastErrorCode: null });

      const profile = await connector.createLoaders().creditProfile.load('91440300MA5DTB8661');
      expect(profile).toMatchObject({ subjectName: '深圳市鹏安燃气供应有限公司', onBlacklist: true });

      const receipt = await connector.client.reportAdministrativePenalty(
        exampleRecord({ decisionNo: '深龙华观湖罚决〔2026〕55号', decisionDate: '2026-11-02', validUntil: '2026-11-17', publicUntil: '2027-02-02', fineAmount: yuanToWan('5000.00') }),
      );
      connector.simulator!.advanceReports();
      await expect(connector.client.queryReportStatus(receipt.receiptId)).resolves.toMatchObject({ status: 'VALIDATING' });

      connector.simulator!.control.set({ fault: 'INVALID_REQUEST' });
      await caught(() => connector.client.queryReportStatus(receipt.receiptId));
      const health = connector.health();
      expect(health.recentCalls).toBe(4);
      expect(health.errorRate).toBeCloseTo(0.25);
      expect(health.lastErrorCode).toBe('INVALID_REQUEST');
      expect(health.lastErrorAt).toBeInstanceOf(Date);
    } finally {
      await connector.close();
    }
    // Closed: nothing listens any more.
    await expect(fetch(connector.simulator!.url, { method: 'POST', body: '' })).rejects.toThrow();
  });

  it('with a URL talks to that endpoint (mode "remote", no simulator)', async () => {
    const remote = track(await startSocialCreditSimulator({ username: 'hub-prod', password: 'pr0d-secret' }));
    const config = parseSocialCreditConfig({ CREDIT_URL: remote.url, CREDIT_USERNAME: 'hub-prod', CREDIT_PASSWORD: 'pr0d-secret' });
    const connector = await createSocialCreditConnector(config);
    try {
      expect(connector.simulator).toBeNull();
      expect(connector.health().mode).toBe('remote');
      await expect(connector.client.queryCreditProfile('92440309MA5J3Q1E1R')).resolves.toMatchObject({ creditRating: 'A' });
      expect(remote.control.calls).toEqual({ QueryCreditProfile: 1 });
    } finally {
      await connector.close();
      await remote.close();
    }
  });

  it('the sandbox account is the one the simulator accepts', async () => {
    const config = parseSocialCreditConfig({});
    expect([config.username, config.password]).toEqual([USERNAME, PASSWORD]);
  });
});
