// Maps every error leaving the API to a stable extensions.code. Domain errors keep their
// message and details; anything unknown is masked, and stack traces never leave development.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ConnectorError } from '../../connectors/core/connector-error';
import { DomainError } from './domain-errors';
import { LimitError } from '../server/limits/limit-error';

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export interface FormatOptions {
  development: boolean;
  /** Called with errors that are masked, so they are logged server-side. */
  onInternalError?: (error: unknown) => void;
}

export function toDomainError(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

export function toConnectorError(error: unknown): ConnectorError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof ConnectorError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** A request refused by a limit (depth, size, rate…); Apollo wraps validation errors in its own. */
export function toLimitError(error: unknown): LimitError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof LimitError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** The stable code a client sees for an error (used by the audit log too). */
export function stableCode(error: { extensions?: Record<string, unknown> }): string {
  return (
    toDomainError(error)?.code ??
    toConnectorError(error)?.code ??
    toLimitError(error)?.code ??
    String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')
  );
}

export function createErrorFormatter(options: FormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const upstream = toConnectorError(error);
    if (upstream) {
      // The system's name and its own error code help a frontend explain; the raw body never leaves.
      return {
        message: upstream.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: upstream.code,
          system: upstream.system,
          ...(upstream.upstreamCode ? { upstreamCode: upstream.upstreamCode } : {}),
          ...(upstream.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(upstream.retryAfterMs / 1000) } : {}),
        },
      };
    }
    const limit = toLimitError(error);
    if (limit) {
      // The limit and the measured value tell the client what to change; never the query itself.
      return { message: limit.message, locations: formatted.locations, extensions: { code: limit.code, ...limit.details } };
    }
    const domain = toDomainError(error);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: domain.code, ...domain.details },
      };
    }
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    if (original instanceof ArgumentValidationError) {
      const { field, messages } = firstViolation(original.extensions.validationErrors as Violation[] | undefined);
      return {
        message: `${field}: ${messages || 'invalid value'}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', field, rule: 'CONSTRAINT' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      const { stacktrace: _stack, ...rest } = formatted.extensions ?? {};
      return { ...formatted, extensions: options.development ? formatted.extensions : rest };
    }
    // Variable coercion errors (wrong enum value, missing required argument) come without an
    // original error and carry the input problem in the message: safe to show.
    if (error instanceof GraphQLError && !error.originalError && !formatted.path) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    options.onInternalError?.(original ?? error);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: options.development
        ? { code: 'INTERNAL_SERVER_ERROR', detail: original instanceof Error ? original.message : String(formatted.message) }
        : { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

interface Violation {
  property: string;
  constraints?: Record<string, string>;
  children?: Violation[];
}

/** The dotted path of the first violated constraint, e.g. parties.0.name. */
function firstViolation(errors: Violation[] | undefined, prefix = ''): { field: string; messages: string } {
  const first = errors?.[0];
  if (!first) return { field: prefix || 'input', messages: '' };
  const field = prefix ? `${prefix}.${first.property}` : first.property;
  if (first.constraints && Object.keys(first.constraints).length) return { field, messages: Object.values(first.constraints).join('; ') };
  return firstViolation(first.children, field);
}
