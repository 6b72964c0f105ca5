// The hub's HTTP and WebSocket server: Apollo Server at /graphql, graphql-ws on the same port
// and path, the self-hosted explorer at / — auth and audit at this edge, once, for every request.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { HubContext } from '../context';
import { Authenticator } from '../auth/authenticate';
import { TokenVerifier } from '../auth/jwt';
import type { Principal } from '../auth/principal';
import { auditPlugin, errorCodes, firstOperation, outcomeOf, rootFields } from '../audit/audit-plugin';
import { DomainError } from '../errors/domain-errors';
import { createErrorFormatter } from '../errors/format-error';
import { createLoaders } from '../loaders/create-loaders';
import { buildHubSchema } from '../schema/build-schema';
import { createServices, type Services } from '../services';
import { createUpstream, createUpstreamLoaders, type Upstream } from '../upstream/upstream';
import { createExplorerRouter } from './explorer';
import { HubLimits } from './limits/hub-limits';
import { EventBus, hubEventChannel, InMemoryTransport, RedisTransport } from '../events/event-bus';

export interface HubOptions {
  clock?: () => Date;
  logger?: Logger;
  /** Connections to the external systems; built from config when not given. */
  upstream?: Upstream;
  /** Demo tokens shown in the explorer (sandbox only). */
  demoTokens?: ReadonlyArray<{ label: string; token: string }>;
  /** Event bus for subscriptions; built from config (REDIS_URL) when not given, and then closed on stop. */
  events?: EventBus;
}

export interface Hub {
  app: express.Express;
  httpServer: http.Server;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  /** Starts listening; resolves to the GraphQL URL. */
  listen(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function createHub(config: Config, db: Database, options: HubOptions = {}): Promise<Hub> {
  const logger = options.logger ?? pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.token', '*.password', '*.secret'] });
  const clock = options.clock ?? (() => new Date());
  const upstream = options.upstream ?? (await createUpstream(config, logger));
  const events =
    options.events ??
    new EventBus(db.prisma, config.redisUrl ? new RedisTransport(config.redisUrl, hubEventChannel(config), logger) : new InMemoryTransport(), logger);
  const services = createServices(config, db, upstream, clock, events, logger);
  const authenticator = new Authenticator(new TokenVerifier(config.auth), services.departments, clock);
  const schema = await buildHubSchema();
  // Depth, aliases, cost, size, the persisted-operation allow-list, introspection and the rate per department.
  const limits = HubLimits.create(config, schema, logger);
  const development = config.nodeEnv === 'development';

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const newContext = (principal: Principal, requestId: string): HubContext => ({
    principal,
    requestId,
    loaders: createLoaders(db.prisma),
    upstream: createUpstreamLoaders(upstream),
    audit: { caseIds: new Set(), personalFields: new Set() },
    services,
  });

  /** A request refused before it reaches GraphQL still leaves an audit record. */
  const auditRefusal = async (
    requestId: string,
    reason: string,
    operation: { type: string; name: string | null; fields: string[] },
    code = 'UNAUTHENTICATED',
    principal: Principal | null = null,
  ) => {
    await services.audit.write({
      sub: principal?.sub ?? 'anonymous',
      dept: principal?.dept ?? null,
      roles: principal?.roles ?? [],
      purpose: principal?.purpose ?? null,
      operationType: operation.type,
      operationName: operation.name,
      fields: operation.fields,
      caseIds: [],
      personalFields: [],
      outcome: `ERROR:${code}`,
      requestId,
      at: clock(),
    });
    logger.info({ requestId, reason, code }, `request refused: ${code}`);
  };

  // ───────────── WebSocket (graphql-ws), same port and path ─────────────
  // Audit writes of socket operations run one after the other (the audit chain's lock serialises
  // them anyway; a thousand subscriptions ending at once must not exhaust the pool waiting for
  // it), and stop() waits for them: subscriptions typically end at disconnect or shutdown.
  const pendingAudits = new Set<Promise<void>>();
  let auditTail: Promise<void> = Promise.resolve();
  const tracked = (write: () => Promise<void>): Promise<void> => {
    const done = auditTail.then(write);
    auditTail = done.catch(() => undefined);
    pendingAudits.add(done);
    done.then(
      () => pendingAudits.delete(done),
      () => pendingAudits.delete(done),
    );
    return done;
  };
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: limits.maxBodyBytes });
  // Each operation over the socket gets its own context and leaves one audit record when it ends.
  type WsExtra = { principal?: Principal; operations?: Map<string, { context: HubContext; codes: Set<string>; hadData: boolean }> };
  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const auth = (params.authorization ?? params.Authorization) as string | undefined;
        try {
          ctx.extra.principal = await authenticator.authenticate(auth, (params.purpose as string | undefined) ?? null);
          ctx.extra.operations = new Map();
          return true;
        } catch (err) {
          await auditRefusal(randomUUID(), err instanceof Error ? err.message : 'refused', { type: 'ws-connect', name: null, fields: [] });
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      // The limits of the HTTP path (rate, size, allow-list, depth, aliases, cost, introspection);
      // a refusal ends the operation through onError, which audits it.
      onSubscribe: (ctx, _id, payload) => limits.prepareSocketOperation(ctx.extra.principal as Principal, payload),
      context: (ctx, id) => {
        const context = newContext(ctx.extra.principal as Principal, randomUUID());
        ctx.extra.operations?.set(id, { context, codes: new Set(), hadData: false });
        return context;
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const op = ctx.extra.operations?.get(id);
        if (!op) return;
        const body = result as { data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };
        if (body.data != null) op.hadData = true;
        for (const code of errorCodes(body.errors ?? [])) op.codes.add(code);
        // Errors over the socket get the same stable codes and masking as over HTTP.
        const errors = (result as { errors?: ReadonlyArray<GraphQLError> }).errors;
        return errors?.length ? { ...(result as object), errors: errors.map((e) => formatError(e.toJSON(), e)) } : undefined;
      },
      // Validation errors end an operation without onComplete: audit it here.
      onError: async (ctx, id, payload, errors) => {
        await tracked(() => auditWsOperation(ctx.extra, id, payload, errorCodes(errors)));
        return errors.map((e) => formatError(e.toJSON(), e));
      },
      onComplete: async (ctx, id, payload) => {
        await tracked(() => auditWsOperation(ctx.extra, id, payload, null));
      },
    },
    wsServer,
  );

  async function auditWsOperation(
    extra: WsExtra,
    id: string,
    payload: { query: string; operationName?: string | null },
    failedWith: string[] | null,
  ): Promise<void> {
    const principal = extra.principal as Principal;
    const op = extra.operations?.get(id);
    // A stream that failed was audited by onError; graphql-ws still calls onComplete after it.
    if (!op && failedWith === null) return;
    extra.operations?.delete(id);
    const codes = failedWith ?? (op ? [...op.codes].sort() : []);
    let node = null;
    try {
      node = firstOperation(parse(payload.query), payload.operationName);
    } catch {
      // validation already answered the client; the record keeps what is known
    }
    await services.audit.write({
      sub: principal.sub,
      dept: principal.dept,
      roles: principal.roles,
      // The operation's own: a `purpose` argument adds to the connection's (field policy).
      purpose: op?.context.principal.purpose ?? principal.purpose,
      operationType: node?.operation ?? 'unknown',
      operationName: node?.name?.value ?? payload.operationName ?? null,
      fields: rootFields(node),
      caseIds: op ? [...op.context.audit.caseIds] : [],
      personalFields: op ? [...op.context.audit.personalFields] : [],
      outcome: outcomeOf(codes, op?.hadData ?? false),
      requestId: op?.context.requestId ?? randomUUID(),
      at: clock(),
    });
  }

  // ───────────── HTTP ─────────────
  const formatError = createErrorFormatter({ development, onInternalError: (err) => logger.error({ err }, 'internal error') });
  const apollo = new ApolloServer<HubContext>({
    schema,
    // config.graphql.introspection is enforced by the limits' own rule, over HTTP and the socket
    // alike, with the code INTROSPECTION_DISABLED; Apollo's rule would only add a second error.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
    validationRules: limits.validationRules,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: development,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      auditPlugin(services.audit, (err) => logger.error({ err }, 'audit write failed')),
      limits.plugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: db.kind });
  });
  app.use(
    '/graphql',
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = header(req.headers['x-request-id']) ?? randomUUID();
        const request = HubLimits.requestOf(req);
        let principal: Principal;
        try {
          principal = await authenticator.authenticate(header(req.headers.authorization), header(req.headers['x-purpose']));
        } catch (err) {
          // Audited with the operation's fields; the text is parsed only within the size limits.
          await auditRefusal(requestId, err instanceof Error ? err.message : 'refused', limits.describe(request));
          const message = err instanceof DomainError ? err.message : 'authentication failed';
          throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        // Before parsing: the department's rate, the query's size, the persisted-operation allow-list.
        const admission = await limits.admit(principal, request);
        if (admission.refused) {
          await auditRefusal(requestId, admission.refused.message, limits.describe(request), admission.refused.code, principal);
          throw admission.refused.toGraphQLError({ http: true });
        }
        return newContext(principal, requestId);
      },
    }),
    // A body over GRAPHQL_MAX_BODY_BYTES never reaches Apollo: answered QUERY_TOO_LARGE, audited.
    limits.bodyLimitHandler(async (req, error) => {
      let principal: Principal | null = null;
      try {
        principal = await authenticator.authenticate(header(req.headers.authorization), header(req.headers['x-purpose']));
      } catch {
        // audited as anonymous
      }
      const requestId = header(req.headers['x-request-id']) ?? randomUUID();
      await auditRefusal(requestId, error.message, { type: 'unknown', name: null, fields: [] }, error.code, principal);
    }),
  );
  // 两法衔接 status callbacks: verified on the raw bytes, so the body is not parsed before.
  app.post('/callbacks/case-transfer/status', express.raw({ type: '*/*', limit: '256kb' }), async (req, res) => {
    try {
      const answer = await services.transferDelivery.handleCallback(
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        header(req.headers['x-platform-signature']),
      );
      res.status(answer.status).json(answer.body);
    } catch (err) {
      logger.error({ err }, 'case-transfer callback failed');
      res.status(500).json({ code: 'INTERNAL', message: 'the callback could not be applied; retry later' });
    }
  });
  // 12345 work-order webhooks: verified on the raw bytes too; any 2xx acknowledges (contract).
  app.post('/webhooks/hotline/work-orders', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    try {
      const answer = await services.workOrderSync.handleWebhook(
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        header(req.headers['x-hotline-signature']),
      );
      res.status(answer.status).json(answer.body);
    } catch (err) {
      logger.error({ err }, 'hotline webhook failed');
      res.status(500).json({ code: 'INTERNAL', message: 'the event could not be applied; retry later' });
    }
  });
  app.use('/', createExplorerRouter({ endpoint: '/graphql', demoTokens: options.demoTokens ?? [] }));

  const startWorkers = () => {
    if (!config.workers.enabled) return;
    services.outbox.start();
    services.transferDelivery.startReconciling(config.workers.transferReconcileMs);
    services.supportFollowUp.start(config.workers.supportPollMs);
    services.workOrderSync.startReconciling(config.workers.hotlineReconcileMs);
    services.supervisionScheduler.start(config.workers.supervisionScanMs);
    services.publicationDelivery.start(config.workers.publicationPollMs);
  };

  return {
    app,
    httpServer,
    schema,
    services,
    logger,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
          upstream.setCallbackBase(config.publicUrl ?? base);
          startWorkers();
          resolve(`${base}/graphql`);
        });
      });
    },
    async stop() {
      await services.transferDelivery.stopReconciling();
      await services.supportFollowUp.stop();
      await services.workOrderSync.stop();
      await services.supervisionScheduler.stop();
      await services.publicationDelivery.stop();
      await services.outbox.stop();
      await apollo.stop();
      await limits.close();
      // The subscriptions the shutdown ended are audited before the store can close.
      await new Promise((resolve) => setImmediate(resolve));
      while (pendingAudits.size > 0) await Promise.allSettled([...pendingAudits]);
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (!options.upstream) await upstream.close();
      if (!options.events) await events.close();
    },
  };
}
