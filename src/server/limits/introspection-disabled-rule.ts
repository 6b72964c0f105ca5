// Where introspection is off (production, unless GRAPHQL_INTROSPECTION=1), __schema and __type
// are refused with a code of their own, over HTTP and over the socket alike. __typename stays:
// clients need it to tell union and interface members apart.
import type { ValidationContext, ValidationRule } from 'graphql';
import { LimitError } from './limit-error';

export const introspectionDisabledRule: ValidationRule = (context: ValidationContext) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    const error = new LimitError('INTROSPECTION_DISABLED', `Introspection is disabled on this server (${node.name.value} was asked for).`, {
      field: node.name.value,
    });
    context.reportError(error.toGraphQLError({ nodes: [node] }));
  },
});
