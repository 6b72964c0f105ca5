// The hub's limits in one place, applied the same way over HTTP (Apollo Server) and over the
// socket (graphql-ws): what needs the caller (rate per department) or must run before parsing
// (size, tokens, the persisted-operation allow-list) at admission; depth, aliases and
// introspection as validation rules; the cost model after validation, with the variables.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ErrorRequestHandler, Request } from 'express';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Principal } from '../../auth/principal';
import { firstOperation, rootFields } from '../../audit/audit-plugin';
import { hubEventChannel } from '../../events/event-bus';
import { checkComplexity } from './check-complexity';
import { countTokens } from './count-tokens';
import { DepartmentRateLimit } from './department-rate-limit';
import { introspectionDisabledRule } from './introspection-disabled-rule';
import { LimitError } from './limit-error';
import { maxAliasesRule } from './max-aliases-rule';
import { maxDepthRule } from './max-depth-rule';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';

/** A GraphQL request as it arrives, before anything trusts it. */
export interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface OperationDescription {
  type: string;
  name: string | null;
  fields: string[];
}

export type Admission = { refused: LimitError } | { refused: null; query: string | undefined };

/** Room for the JSON around a base64 file: one transfer material must fit in one request. */
const BODY_OVERHEAD_BYTES = 64 * 1024;

export class HubLimits {
  readonly maxBodyBytes: number;
  /** Run with the standard rules on every operation (Apollo's validationRules, and the socket). */
  readonly validationRules: ValidationRule[];

  constructor(
    private readonly limits: Config['limits'],
    private readonly introspection: boolean,
    private readonly schema: GraphQLSchema,
    private readonly rate: DepartmentRateLimit | null,
  ) {
    this.maxBodyBytes = limits.maxBodyBytes ?? 0;
    this.validationRules = [
      maxDepthRule({ maxDepth: limits.maxDepth, maxIntrospectionDepth: limits.maxIntrospectionDepth }),
      maxAliasesRule(limits.maxAliases),
      ...(introspection ? [] : [introspectionDisabledRule]),
    ];
  }

  static create(config: Config, schema: GraphQLSchema, logger: Logger): HubLimits {
    const { rateLimit } = config.limits;
    const limitsOn = rateLimit.perMinute > 0 || [...rateLimit.overrides.values()].some((n) => n > 0);
    // Hubs on one database are one deployment: they share one bucket per department.
    const limiter = !limitsOn
      ? null
      : config.redisUrl
        ? new RedisRateLimiter(config.redisUrl, `edh:rate:${hubEventChannel(config).split(':').pop()}:`)
        : new MemoryRateLimiter();
    const limits = {
      ...config.limits,
      // A transfer material (TRANSFER_MATERIAL_MAX_BYTES) travels inline in base64: 4 bytes per 3.
      maxBodyBytes: config.limits.maxBodyBytes ?? Math.max(1024 * 1024, Math.ceil(config.transfers.maxMaterialBytes / 3) * 4 + BODY_OVERHEAD_BYTES),
    };
    return new HubLimits(limits, config.graphql.introspection, schema, limiter && new DepartmentRateLimit(limiter, rateLimit, logger));
  }

  /** The GraphQL request inside an HTTP request: the JSON body of a POST, the query string of a GET. */
  static requestOf(req: { method: string; body?: unknown; query?: unknown }): OperationRequest {
    if (req.method !== 'GET') return (req.body && typeof req.body === 'object' ? req.body : {}) as OperationRequest;
    const params = (req.query ?? {}) as Record<string, unknown>;
    let extensions: unknown = params.extensions;
    if (typeof extensions === 'string') {
      try {
        extensions = JSON.parse(extensions);
      } catch {
        extensions = undefined; // Apollo Server refuses it with BAD_REQUEST
      }
    }
    return { query: params.query, operationName: params.operationName, extensions };
  }

  /**
   * Before the query is parsed: the department's rate (every operation counts, refused or not),
   * the query's size in bytes and tokens, and in persisted-only mode the allow-list.
   */
  async admit(principal: Principal, request: OperationRequest): Promise<Admission> {
    const rated = await this.rate?.take(principal.dept);
    if (rated) return { refused: rated };
    const sizeRefusal = this.checkSize(request.query);
    if (sizeRefusal) return { refused: sizeRefusal };
    if (!this.limits.persistedOperations) return { refused: null, query: typeof request.query === 'string' ? request.query : undefined };
    const resolved = this.limits.persistedOperations.resolve(request.query, request.extensions);
    return resolved instanceof LimitError ? { refused: resolved } : { refused: null, query: resolved.query };
  }

  /** What the audit record of a refused request names; the text is parsed only within the size limits. */
  describe(request: OperationRequest): OperationDescription {
    const name = typeof request.operationName === 'string' ? request.operationName : null;
    const unknown = { type: 'unknown', name, fields: [] };
    let query = request.query;
    const persisted = this.limits.persistedOperations?.resolve(query, request.extensions);
    if (persisted && !(persisted instanceof LimitError)) query = persisted.query;
    if (typeof query !== 'string' || this.checkSize(query)) return unknown;
    try {
      const node = firstOperation(parse(query), name);
      return node ? { type: node.operation, name: node.name?.value ?? name, fields: rootFields(node) } : unknown;
    } catch {
      return unknown;
    }
  }

  /** Persisted operations named by hash run their listed text; the cost model runs with the variables. */
  plugin(): ApolloServerPlugin<BaseContext> {
    const persisted = this.limits.persistedOperations;
    return {
      requestDidStart: async ({ request }) => {
        // Admission (in the context function) has refused anything unlisted; what remains is a
        // listed hash, possibly without its text. Apollo's own APQ cache must not take over.
        const extension = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
        if (persisted && extension) {
          const resolved = persisted.resolve(request.query, request.extensions);
          if (!(resolved instanceof LimitError)) {
            const { persistedQuery: _hash, ...rest } = request.extensions ?? {};
            request.query = resolved.query;
            request.extensions = rest;
          }
        }
        return {
          didResolveOperation: async ({ document, request: { operationName, variables } }) => {
            const refusal = this.complexity(document, operationName, variables);
            if (refusal) throw refusal.toGraphQLError({ http: true });
          },
        };
      },
    };
  }

  /**
   * graphql-ws onSubscribe: every check of the HTTP path, in the same order, for one operation
   * over the socket. Answers the execution arguments, or the errors that end the operation.
   */
  async prepareSocketOperation(
    principal: Principal,
    payload: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null; extensions?: Record<string, unknown> | null },
  ): Promise<ExecutionArgs | GraphQLError[]> {
    const admission = await this.admit(principal, payload);
    if (admission.refused) return [admission.refused.toGraphQLError()];
    const query = admission.query;
    if (!query) return [new GraphQLError('An operation needs a non-empty query.', { extensions: { code: 'BAD_REQUEST' } })];
    payload.query = query; // a hash-only operation is audited with the fields of its listed text
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      return [new GraphQLError(err instanceof Error ? err.message : 'Syntax error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const errors = validate(this.schema, document, [...specifiedRules, ...this.validationRules]);
    if (errors.length) return errors.map((e) => this.validationError(e));
    const refusal = this.complexity(document, payload.operationName, payload.variables);
    if (refusal) return [refusal.toGraphQLError()];
    return { schema: this.schema, document, operationName: payload.operationName, variableValues: payload.variables };
  }

  /** express.json's "entity too large" becomes QUERY_TOO_LARGE (413), audited by `onRefused`. */
  bodyLimitHandler(onRefused: (req: Request, error: LimitError) => Promise<void>): ErrorRequestHandler {
    return (err: unknown, req, res, next) => {
      const failure = err as { type?: string; length?: number } | null;
      if (failure?.type !== 'entity.too.large') return next(err);
      const error = new LimitError(
        'QUERY_TOO_LARGE',
        `The request body has ${failure.length ?? 'more than ' + this.maxBodyBytes} bytes; the limit is ${this.maxBodyBytes}.`,
        { limit: this.maxBodyBytes, ...(failure.length !== undefined ? { actual: failure.length } : {}), unit: 'bytes', measured: 'body' },
        413,
      );
      onRefused(req, error)
        .catch(() => undefined)
        .finally(() => {
          res.status(error.httpStatus).json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
        });
    };
  }

  async close(): Promise<void> {
    await this.rate?.close();
  }

  private checkSize(query: unknown): LimitError | null {
    if (typeof query !== 'string') return null;
    const bytes = Buffer.byteLength(query, 'utf8');
    if (bytes > this.limits.maxQueryBytes) {
      return new LimitError('QUERY_TOO_LARGE', `The query has ${bytes} bytes; the limit is ${this.limits.maxQueryBytes}.`, {
        limit: this.limits.maxQueryBytes,
        actual: bytes,
        unit: 'bytes',
      });
    }
    if (this.limits.maxTokens > 0) {
      const tokens = countTokens(query);
      if (tokens > this.limits.maxTokens) {
        return new LimitError('QUERY_TOO_LARGE', `The query has ${tokens} tokens; the limit is ${this.limits.maxTokens}.`, {
          limit: this.limits.maxTokens,
          actual: tokens,
          unit: 'tokens',
        });
      }
    }
    return null;
  }

  private complexity(document: DocumentNode | undefined, operationName: unknown, variables: unknown): LimitError | null {
    if (!document) return null;
    return checkComplexity(this.schema, document, typeof operationName === 'string' ? operationName : null, variables as Record<string, unknown> | null, {
      maxComplexity: this.limits.maxComplexity,
      defaultListSize: this.limits.complexityListSize,
    });
  }

  /** Same code as over HTTP; where introspection is off, no "Did you mean …?" hints at the schema. */
  private validationError(error: GraphQLError): GraphQLError {
    if (error.originalError instanceof LimitError) return error;
    const message = this.introspection ? error.message : error.message.replace(/ Did you mean(.+?)\?$/, '');
    return new GraphQLError(message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
}
