// `npm run simulators`: the external systems' simulators as standalone servers, for a hub run
// with PERMITS_URL / CREDIT_URL / PSB_URL / TRANSFER_URL / HOTLINE_URL pointing at them, and for benchmarks. Each serves
// /__simulator to read its counters and set switches (latency, errors, 429, 503, malformed…).
import { startPermitsSimulator, SANDBOX_APP_ID, SANDBOX_APP_SECRET } from '../connectors/permits';
import { startSocialCreditSimulator, SANDBOX_CREDIT_PASSWORD, SANDBOX_CREDIT_USERNAME } from '../connectors/social-credit';
import { PSB_SANDBOX_APP_ID, PSB_SANDBOX_TOKEN, startPublicSecuritySimulator } from '../connectors/public-security';
import {
  SANDBOX_TRANSFER_CALLBACK_SECRET,
  SANDBOX_TRANSFER_CLIENT_ID,
  SANDBOX_TRANSFER_CLIENT_SECRET,
  startCaseTransferSimulator,
} from '../connectors/case-transfer';
import {
  SANDBOX_HOTLINE_API_KEY,
  SANDBOX_HOTLINE_ASSIGNEE,
  SANDBOX_HOTLINE_WEBHOOK_SECRET,
  startHotlineSimulator,
} from '../connectors/hotline-12345';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

async function main(): Promise<void> {
  const host = process.env.SIMULATOR_HOST ?? '127.0.0.1';
  const permits = await startPermitsSimulator({ host, port: port('PERMITS_SIMULATOR_PORT', 4101), appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
  const credit = await startSocialCreditSimulator({
    host,
    port: port('CREDIT_SIMULATOR_PORT', 4102),
    username: SANDBOX_CREDIT_USERNAME,
    password: SANDBOX_CREDIT_PASSWORD,
  });
  const psb = await startPublicSecuritySimulator({ host, port: port('PSB_SIMULATOR_PORT', 4103), appId: PSB_SANDBOX_APP_ID, token: PSB_SANDBOX_TOKEN });
  // Status callbacks go to the hub named by HUB_URL (e.g. http://127.0.0.1:4000), if any.
  const hub = process.env.HUB_URL?.replace(/\/$/, '') ?? null;
  const transfer = await startCaseTransferSimulator({
    host,
    port: port('TRANSFER_SIMULATOR_PORT', 4104),
    clientId: SANDBOX_TRANSFER_CLIENT_ID,
    clientSecret: SANDBOX_TRANSFER_CLIENT_SECRET,
    callbackSecret: SANDBOX_TRANSFER_CALLBACK_SECRET,
    callbackUrl: () => (hub ? `${hub}/callbacks/case-transfer/status` : null),
    advanceEveryMs: port('TRANSFER_SIMULATOR_ADVANCE_MS', 60_000),
  });
  // Work orders for the sandbox unit; webhooks go to the same hub.
  const hotline = await startHotlineSimulator({
    host,
    port: port('HOTLINE_SIMULATOR_PORT', 4105),
    apiKey: SANDBOX_HOTLINE_API_KEY,
    assignee: SANDBOX_HOTLINE_ASSIGNEE,
    webhookSecret: SANDBOX_HOTLINE_WEBHOOK_SECRET,
    webhookUrl: () => (hub ? `${hub}/webhooks/hotline/work-orders` : null),
    dispatchEveryMs: port('HOTLINE_SIMULATOR_DISPATCH_MS', 20_000),
  });
  const lines = [
    'Simulators of the external systems (sandbox credentials; switches at <url>/__simulator):',
    `  PERMITS_URL=${permits.url}   (PERMITS_APP_ID=${SANDBOX_APP_ID}, PERMITS_APP_SECRET from the sandbox)`,
    `  CREDIT_URL=${credit.url}   (CREDIT_USERNAME=${SANDBOX_CREDIT_USERNAME})`,
    `  PSB_URL=${psb.url}   (PSB_APP_ID=${PSB_SANDBOX_APP_ID})`,
    `  TRANSFER_URL=${transfer.url}   (TRANSFER_CLIENT_ID=${SANDBOX_TRANSFER_CLIENT_ID}; callbacks to ${hub ?? 'nowhere: set HUB_URL'})`,
    `  HOTLINE_URL=${hotline.url}   (HOTLINE_ASSIGNEE=${SANDBOX_HOTLINE_ASSIGNEE}, HOTLINE_API_KEY / HOTLINE_WEBHOOK_SECRET from the sandbox; webhooks to ${hub ?? 'nowhere: set HUB_URL'})`,
    'Example: curl -X POST -d \'{"latencyMs":50}\' <url>/__simulator',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async () => {
    await Promise.all([permits.close(), credit.close(), psb.close(), transfer.close(), hotline.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
