// OAuth 2.0 client-credentials token of the case-transfer platform: fetched on first use, cached,
// renewed about 300 s before it expires (at most half its lifetime before, for short-lived
// tokens), single-flight — callers that need a token at the same time share one token request,
// because the platform issues at most 20 tokens per hour per client. The token never goes to a
// log line or an error message.
import type { ConnectorLogger } from '../core/types';
import type { TokenResponse } from './types';

export interface TokenManagerOptions {
  /** Sends `POST /oauth/token` once; throws a ConnectorError on failure. */
  fetchToken: () => Promise<TokenResponse>;
  now: () => number;
  /** Renew this long before expiry (contract: about 300 s). */
  renewBeforeMs: number;
  logger: ConnectorLogger;
}

interface CachedToken {
  value: string;
  /** Epoch ms when the platform stops accepting it. */
  expiresAt: number;
  /** Epoch ms from which a new one is fetched. */
  renewAt: number;
}

export class TokenManager {
  private cached: CachedToken | null = null;
  private pending: Promise<CachedToken> | null = null;
  /** Token requests sent so far (tests and health). */
  requests = 0;

  constructor(private readonly options: TokenManagerOptions) {}

  /** A token valid for a while yet; fetched (once for all concurrent callers) when needed. */
  async get(signal?: AbortSignal): Promise<string> {
    const cached = this.cached;
    if (cached && this.options.now() < cached.renewAt) return cached.value;
    if (signal?.aborted) throw abortError();
    const shared = this.pending ?? this.startFetch();
    return (await abortable(shared, signal)).value;
  }

  /**
   * Forgets `token` after the platform refused it (401), unless a newer one replaced it already
   * — so concurrent callers that all saw the same expired token trigger a single renewal.
   */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = null;
  }

  /** Drops any cached token (e.g. after a credential change). */
  clear(): void {
    this.cached = null;
  }

  private startFetch(): Promise<CachedToken> {
    this.requests += 1;
    const promise = this.options
      .fetchToken()
      .then((response) => {
        const issuedAt = this.options.now();
        const lifetimeMs = response.expires_in * 1000;
        const margin = Math.min(this.options.renewBeforeMs, lifetimeMs / 2);
        const token: CachedToken = { value: response.access_token, expiresAt: issuedAt + lifetimeMs, renewAt: issuedAt + lifetimeMs - margin };
        this.cached = token;
        this.options.logger.info({ system: 'case-transfer', operation: 'issueToken', expiresInS: response.expires_in }, 'access token issued');
        return token;
      })
      .finally(() => {
        if (this.pending === promise) this.pending = null;
      });
    this.pending = promise;
    return promise;
  }
}

/** Waits for `promise` unless `signal` aborts first (the shared request itself goes on). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function abortError(): Error {
  const err = new Error('the call was aborted while waiting for an access token');
  err.name = 'AbortError';
  return err;
}
