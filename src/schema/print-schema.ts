// The SDL committed at schema/schema.graphql: emitted from the code, checked for drift by `npm run check`.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
