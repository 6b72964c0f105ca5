// The hub's connections to the external systems, built once per instance from config; each
// request gets fresh DataLoaders over them so one request makes one batched call per system.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { PolicyClock } from '../../connectors/core/call-policy';
import type { Connector, ConnectorLogger } from '../../connectors/core/types';
import { createPermitsConnector, type PermitsConnector } from '../../connectors/permits';
import { createPublicSecurityConnector, type PublicSecurityConnector } from '../../connectors/public-security';
import { createSocialCreditConnector, type SocialCreditConnector } from '../../connectors/social-credit';
import { createCaseTransferConnector, type CaseTransferConnector } from '../../connectors/case-transfer';
import { createHotlineConnector, type HotlineConnector } from '../../connectors/hotline-12345';

export interface Upstream {
  permits: PermitsConnector;
  socialCredit: SocialCreditConnector;
  publicSecurity: PublicSecurityConnector;
  caseTransfer: CaseTransferConnector;
  hotline: HotlineConnector;
  /** Where the platform (or its simulator) sends status callbacks, once the hub listens. */
  setCallbackBase(url: string | null): void;
  all(): Connector[];
  close(): Promise<void>;
}

export async function createUpstream(config: Config, logger: Logger, clock?: PolicyClock): Promise<Upstream> {
  const log = (system: string): ConnectorLogger => logger.child({ component: 'connector', system });
  const permits = await createPermitsConnector(config.connectors.permits, { logger: log('permits'), clock });
  const publicSecurity = await createPublicSecurityConnector(config.connectors.publicSecurity, { logger: log('public-security'), clock });
  const socialCredit = await createSocialCreditConnector(config.connectors.socialCredit, { logger: log('social-credit'), clock });
  let callbackBase: string | null = null;
  const caseTransfer = await createCaseTransferConnector(config.connectors.caseTransfer, {
    logger: log('case-transfer'),
    clock,
    callbackUrl: () => (callbackBase ? `${callbackBase}/callbacks/case-transfer/status` : null),
  });
  const hotline = await createHotlineConnector(config.connectors.hotline, {
    logger: log('hotline-12345'),
    clock,
    webhookUrl: () => (callbackBase ? `${callbackBase}/webhooks/hotline/work-orders` : null),
  });
  const all = (): Connector[] => [permits, socialCredit, publicSecurity, caseTransfer, hotline];
  return {
    caseTransfer,
    hotline,
    setCallbackBase(url) {
      callbackBase = url;
    },
    permits,
    socialCredit,
    publicSecurity,
    all,
    async close() {
      await Promise.all(all().map((c) => c.close()));
    },
  };
}

export function createUpstreamLoaders(upstream: Upstream) {
  return {
    permits: upstream.permits.createLoaders(),
    creditProfile: upstream.socialCredit.createLoaders().creditProfile,
    identity: upstream.publicSecurity.createLoaders().identity,
  };
}

export type UpstreamLoaders = ReturnType<typeof createUpstreamLoaders>;
