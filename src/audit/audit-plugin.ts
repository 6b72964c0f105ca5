// Writes one audit record per GraphQL request when its response is ready, so the record exists
// before the caller sees the answer. Requests refused at authentication are audited by the server.
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { HubContext } from '../context';
import type { AuditLog } from './audit-log';
import { stableCode } from '../errors/format-error';

/** The codes the caller saw: a domain error keeps its code on the original error. */
export function errorCodes(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>): string[] {
  return [...new Set(errors.map(stableCode))].sort();
}

export function outcomeOf(codes: string[], hasData: boolean): string {
  return codes.length === 0 ? 'OK' : `${hasData ? 'PARTIAL' : 'ERROR'}:${codes.join(',')}`;
}

export function rootFields(operation: OperationDefinitionNode | null | undefined): string[] {
  if (!operation) return [];
  return operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
}

export function firstOperation(document: DocumentNode | undefined, name?: string | null): OperationDefinitionNode | null {
  const ops = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return (name ? ops.find((o) => o.name?.value === name) : ops[0]) ?? null;
}

export function auditPlugin(log: AuditLog, onError: (err: unknown) => void): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation, errors, response }) {
          const codes = errorCodes(errors ?? []);
          const hasData = response.body.kind === 'single' && response.body.singleResult.data != null;
          const outcome = outcomeOf(codes, hasData);
          try {
            await log.write({
              sub: ctx.principal.sub,
              dept: ctx.principal.dept,
              roles: ctx.principal.roles,
              purpose: ctx.principal.purpose,
              operationType: operation?.operation ?? 'unknown',
              operationName: operation?.name?.value ?? null,
              fields: rootFields(operation),
              caseIds: [...ctx.audit.caseIds],
              personalFields: [...ctx.audit.personalFields],
              outcome,
              requestId: ctx.requestId,
              at: new Date(),
            });
          } catch (err) {
            onError(err);
            throw err;
          }
        },
      };
    },
  };
}
