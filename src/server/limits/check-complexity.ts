// Runs the cost model (measure-complexity.ts) on the operation a request selects, with its
// variables: a page size passed as a variable counts at its real value. Runs after validation,
// over HTTP (Apollo's didResolveOperation) and over the socket (onSubscribe).
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { LimitError } from './limit-error';
import { measureComplexity, type ComplexityOptions } from './measure-complexity';

export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  options: ComplexityOptions & { maxComplexity: number },
): LimitError | null {
  const cost = measureComplexity(schema, document, operationName, variables, options);
  if (cost <= options.maxComplexity) return null;
  return new LimitError(
    'QUERY_TOO_COMPLEX',
    `The operation costs ${cost}; the limit is ${options.maxComplexity} (each field 1, lists multiplied by their page size).`,
    { limit: options.maxComplexity, actual: cost },
  );
}
