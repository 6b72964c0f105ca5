// The one place that reads the environment. Everything else receives a typed Config,
// so a misconfigured deployment fails at start-up with a message naming the variable.
import path from 'node:path';
import { parsePermitsConfig, type PermitsConfig } from '../connectors/permits/config';
import { parsePublicSecurityConfig, type PublicSecurityConfig } from '../connectors/public-security/config';
import { parseSocialCreditConfig, type SocialCreditConfig } from '../connectors/social-credit/config';
import { parseCaseTransferConfig, type CaseTransferConfig } from '../connectors/case-transfer/config';
import { parseHotlineConfig, type HotlineConfig } from '../connectors/hotline-12345/config';
import { PersistedOperations } from './server/limits/persisted-operations';

export type NodeEnv = 'development' | 'test' | 'production';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** The hub's address as other systems reach it (callbacks); defaults to the listening address. */
  publicUrl: string | null;
  /** Null means the embedded PGlite store under dataDir. */
  databaseUrl: string | null;
  /** Redis for subscriptions across hub instances (REDIS_URL); null: in-process only. */
  redisUrl: string | null;
  dataDir: string;
  logLevel: string;
  auth: {
    /** HS256 secret; null when a public key is configured instead. */
    jwtSecret: string | null;
    /** PEM (SPKI) public key for RS256/ES256 tokens. */
    jwtPublicKey: string | null;
    issuer: string | null;
    audience: string | null;
    /** True when the secret is the built-in sandbox one (never in production). */
    usingSandboxSecret: boolean;
  };
  graphql: {
    introspection: boolean;
    maxPageSize: number;
  };
  /** Seed demo data into an empty store at start. */
  seedOnStart: boolean;
  /** Apply pending migrations at start (always on for the embedded store). */
  migrateOnStart: boolean;
  /** External systems; a system without a URL is served by its in-process simulator. */
  connectors: {
    permits: PermitsConfig;
    socialCredit: SocialCreditConfig;
    publicSecurity: PublicSecurityConfig;
    caseTransfer: CaseTransferConfig;
    hotline: HotlineConfig;
  };
  workers: {
    /** Run the outbox worker and pollers in this instance (turn off on API-only instances). */
    enabled: boolean;
    outboxPollMs: number;
    outboxLeaseMs: number;
    /** Reconciliation of case-transfer statuses (missed callbacks). */
    transferReconcileMs: number;
    /** Polling of on-site support requests at public security. */
    supportPollMs: number;
    /** Reconciliation of 12345 work orders (webhooks are dropped after about 2 h of failures). */
    hotlineReconcileMs: number;
    /** How often the deadline scheduler raises 督办 items (0 = never on this instance). */
    supervisionScanMs: number;
    /** Polling of 双公示 report statuses at the credit platform (0 = off). */
    publicationPollMs: number;
  };
  transfers: {
    maxMaterialBytes: number;
  };
  supervision: {
    /** Remind this many hours before a deadline (REMINDER 提醒). */
    reminderHours: number;
    /** Hour-scale deadlines (12345 signing, hand-over) are reminded this many minutes before. */
    shortReminderMinutes: number;
    /** Overdue by more than this many working days → RED (红牌); overdue at all → YELLOW (黄牌). */
    redAfterWorkingDays: number;
  };
  /**
   * Working-day calendar entries added to (or overriding) the built-in 2025–2027 State Council
   * data: CALENDAR_EXTRA="2028-01-01:HOLIDAY:元旦,2028-02-05:WORKDAY:春节调休".
   */
  calendarExtra: Array<{ date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string }>;
  /** Operation limits and hardening (README "Limits and hardening"; src/server/limits/). */
  limits: LimitsConfig;
}

export interface LimitsConfig {
  /** Fields on the longest root-to-leaf path (GRAPHQL_MAX_DEPTH). */
  maxDepth: number;
  /** The same under __schema/__type (GRAPHQL_MAX_INTROSPECTION_DEPTH); GraphiQL's query is 15. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxComplexity: number;
  /** Multiplier of lists without a page size in the cost model (GRAPHQL_COMPLEXITY_LIST_SIZE). */
  complexityListSize: number;
  /** Query text, checked before parsing (GRAPHQL_MAX_QUERY_BYTES). */
  maxQueryBytes: number;
  /** Lexical tokens of the query text; 0: unlimited (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** HTTP JSON body and WebSocket message; null: enough for one transfer material in base64. */
  maxBodyBytes: number | null;
  persistedOnly: boolean;
  persistedOperationsFile: string;
  /** The allow-list, loaded and checked at start-up when persistedOnly; null otherwise. */
  persistedOperations: PersistedOperations | null;
  rateLimit: {
    /** Per department; 0: no limit. */
    perMinute: number;
    /** Requests at once; null: the department's per-minute limit. */
    burst: number | null;
    /** Department code → per-minute limit (RATE_LIMIT_OVERRIDES=LH-12345:1200,LH-CGJ:2000). */
    overrides: ReadonlyMap<string, number>;
  };
}

export class ConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`Invalid configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

/** Only for the embedded sandbox; refused when NODE_ENV=production. */
export const SANDBOX_JWT_SECRET = 'sandbox-only-secret-do-not-use-in-production-7f3a';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be a boolean (1/0/true/false), got "${raw}"`);
}

/** A connector's own parser names the variable; keep its message, as a ConfigError. */
function connectorConfig<T>(variables: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(variables, err instanceof Error ? `: ${err.message}` : 'is invalid');
  }
}

export function loadConfig(env: Env = process.env): Config {
  const rawEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(rawEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, test or production, got "${rawEnv}"`);
  }
  const nodeEnv = rawEnv as NodeEnv;
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }

  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }

  const jwtPublicKey = env.AUTH_JWT_PUBLIC_KEY?.trim() || null;
  let jwtSecret = env.AUTH_JWT_SECRET?.trim() || null;
  let usingSandboxSecret = false;
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 32 characters');
  }
  if (!jwtSecret && !jwtPublicKey) {
    if (production) {
      throw new ConfigError('AUTH_JWT_SECRET', 'or AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production');
    }
    jwtSecret = SANDBOX_JWT_SECRET;
    usingSandboxSecret = true;
  }
  if (production && jwtSecret === SANDBOX_JWT_SECRET) {
    throw new ConfigError('AUTH_JWT_SECRET', 'must not be the sandbox secret in production');
  }

  return {
    nodeEnv,
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/$/, '') || null,
    databaseUrl,
    redisUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info'),
    auth: {
      jwtSecret,
      jwtPublicKey,
      issuer: env.AUTH_JWT_ISSUER?.trim() || null,
      audience: env.AUTH_JWT_AUDIENCE?.trim() || null,
      usingSandboxSecret,
    },
    graphql: {
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
      maxPageSize: int(env, 'GRAPHQL_MAX_PAGE_SIZE', 100, 1, 1000),
    },
    seedOnStart: bool(env, 'SEED_ON_START', databaseUrl === null),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', databaseUrl === null),
    connectors: {
      permits: connectorConfig('PERMITS_*', () => parsePermitsConfig(env)),
      socialCredit: connectorConfig('CREDIT_*', () => parseSocialCreditConfig(env)),
      publicSecurity: connectorConfig('PSB_*', () => parsePublicSecurityConfig(env)),
      caseTransfer: connectorConfig('TRANSFER_*', () => parseCaseTransferConfig(env)),
      hotline: connectorConfig('HOTLINE_*', () => parseHotlineConfig(env)),
    },
    workers: {
      enabled: bool(env, 'WORKERS_ENABLED', true),
      outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 10, 600_000),
      outboxLeaseMs: int(env, 'OUTBOX_LEASE_MS', 60_000, 1000, 3_600_000),
      transferReconcileMs: int(env, 'TRANSFER_RECONCILE_MS', 600_000, 0, 86_400_000),
      supportPollMs: int(env, 'PSB_SUPPORT_POLL_MS', 300_000, 0, 86_400_000),
      hotlineReconcileMs: int(env, 'HOTLINE_RECONCILE_MS', 600_000, 0, 86_400_000),
      supervisionScanMs: int(env, 'SUPERVISION_SCAN_MS', 300_000, 0, 86_400_000),
      publicationPollMs: int(env, 'PUBLICATION_POLL_MS', 60_000, 0, 86_400_000),
    },
    transfers: {
      maxMaterialBytes: int(env, 'TRANSFER_MATERIAL_MAX_BYTES', 20 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    },
    supervision: {
      reminderHours: int(env, 'SUPERVISION_REMINDER_HOURS', 24, 0, 24 * 30),
      shortReminderMinutes: int(env, 'SUPERVISION_SHORT_REMINDER_MINUTES', 30, 0, 24 * 60),
      redAfterWorkingDays: int(env, 'SUPERVISION_RED_AFTER_WORKING_DAYS', 3, 0, 365),
    },
    calendarExtra: calendarExtra(env.CALENDAR_EXTRA),
    limits: parseLimits(env),
  };
}

function parseLimits(env: Env): LimitsConfig {
  const persistedOnly = bool(env, 'GRAPHQL_PERSISTED_ONLY', false);
  const persistedOperationsFile = path.resolve(env.GRAPHQL_PERSISTED_OPERATIONS_FILE?.trim() || 'persisted-operations.json');
  let persistedOperations: PersistedOperations | null = null;
  if (persistedOnly) {
    try {
      persistedOperations = PersistedOperations.fromFile(persistedOperationsFile);
    } catch (err) {
      throw new ConfigError('GRAPHQL_PERSISTED_OPERATIONS_FILE', err instanceof Error ? err.message : String(err));
    }
  }
  const overrides = new Map<string, number>();
  for (const item of (env.RATE_LIMIT_OVERRIDES ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^([A-Za-z0-9_-]+):(\d+)$/.exec(item);
    if (!match) throw new ConfigError('RATE_LIMIT_OVERRIDES', `must be DEPT:PER_MINUTE pairs separated by commas (e.g. LH-12345:1200), got "${item}"`);
    if (Number(match[2]) > 1_000_000) throw new ConfigError('RATE_LIMIT_OVERRIDES', `${match[1]}: must be at most 1000000 per minute`);
    overrides.set(match[1], Number(match[2]));
  }
  const burst = int(env, 'RATE_LIMIT_BURST', 0, 0, 1_000_000);
  const bodyBytes = int(env, 'GRAPHQL_MAX_BODY_BYTES', 0, 0, 200 * 1024 * 1024);
  if (bodyBytes !== 0 && bodyBytes < 1024) throw new ConfigError('GRAPHQL_MAX_BODY_BYTES', `must be at least 1024, got ${bodyBytes}`);
  return {
    maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 1000),
    maxIntrospectionDepth: int(env, 'GRAPHQL_MAX_INTROSPECTION_DEPTH', 15, 1, 1000),
    maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 100_000),
    maxComplexity: int(env, 'GRAPHQL_MAX_COMPLEXITY', 20_000, 1, 100_000_000),
    complexityListSize: int(env, 'GRAPHQL_COMPLEXITY_LIST_SIZE', 5, 1, 10_000),
    maxQueryBytes: int(env, 'GRAPHQL_MAX_QUERY_BYTES', 100_000, 256, 10 * 1024 * 1024),
    maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 10_000, 0, 10_000_000),
    maxBodyBytes: bodyBytes === 0 ? null : bodyBytes,
    persistedOnly,
    persistedOperationsFile,
    persistedOperations,
    rateLimit: {
      perMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      burst: burst === 0 ? null : burst,
      overrides,
    },
  };
}

/** CALENDAR_EXTRA: comma-separated `YYYY-MM-DD:HOLIDAY|WORKDAY[:name]`. */
function calendarExtra(value: string | undefined): Config['calendarExtra'] {
  if (!value || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const [date, kind, ...name] = part.trim().split(':');
    const t = Date.parse(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
      throw new ConfigError('CALENDAR_EXTRA', 'must list YYYY-MM-DD:HOLIDAY|WORKDAY[:name] entries separated by commas (a date is not a real date)');
    }
    if (kind !== 'HOLIDAY' && kind !== 'WORKDAY') throw new ConfigError('CALENDAR_EXTRA', `entry ${date}: the kind must be HOLIDAY or WORKDAY`);
    return { date, kind, name: name.join(':') || (kind === 'HOLIDAY' ? '节假日' : '调休上班') };
  });
}
