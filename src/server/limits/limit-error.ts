// A request refused by one of the hub's limits. It carries a stable code, the measured value and
// the limit, so a client can tell "too deep" from "too many requests" and what to change.
// src/errors/format-error.ts turns it into extensions; here it only knows its HTTP shape.
import { GraphQLError, type ASTNode } from 'graphql';
import { HeaderMap } from '@apollo/server';

export type LimitErrorCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_ALIASES'
  | 'QUERY_TOO_LARGE'
  | 'INTROSPECTION_DISABLED'
  | 'PERSISTED_QUERY_REQUIRED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'RATE_LIMITED';

export class LimitError extends Error {
  constructor(
    readonly code: LimitErrorCode,
    message: string,
    /** Safe detail for clients: the limit, the measured value, its unit, a retry delay. */
    readonly details: Record<string, unknown> = {},
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = 'LimitError';
  }

  /** Seconds a client should wait (rate limits only). */
  get retryAfterSeconds(): number | undefined {
    const value = this.details.retryAfterSeconds;
    return typeof value === 'number' ? value : undefined;
  }

  /**
   * The GraphQL error for a response. Over HTTP, Apollo Server takes the status and headers from
   * `extensions.http` (and the formatter drops it); over the socket there is no such thing.
   */
  toGraphQLError(options: { http?: boolean; nodes?: ReadonlyArray<ASTNode> } = {}): GraphQLError {
    const headers = new HeaderMap();
    if (this.retryAfterSeconds !== undefined) headers.set('retry-after', String(this.retryAfterSeconds));
    return new GraphQLError(this.message, {
      nodes: options.nodes,
      originalError: this,
      extensions: {
        code: this.code,
        ...this.details,
        ...(options.http ? { http: { status: this.httpStatus, headers } } : {}),
      },
    });
  }
}
