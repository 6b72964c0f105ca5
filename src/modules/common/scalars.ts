// Scalars shared by every module. Amounts travel as strings ("186400.00") so no float ever
// touches money; times are ISO-8601 with offset.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

const AMOUNT = /^(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !AMOUNT.test(text)) {
    throw new GraphQLError('Decimal must be a non-negative amount with at most 2 decimals, e.g. "2000.00"', {
      extensions: { code: 'BAD_USER_INPUT', rule: 'DECIMAL_FORMAT' },
    });
  }
  return text;
}

/** A yuan amount as a decimal string with 2 decimals. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A non-negative amount of yuan (元) as a decimal string with exactly 2 decimals on output, e.g. "2000.00".',
  serialize(value: unknown): string {
    if (value === null || value === undefined) throw new GraphQLError('Decimal cannot be null');
    const asNumber = typeof value === 'object' && 'toFixed' in (value as object) ? (value as { toFixed(n: number): string }).toFixed(2) : null;
    if (asNumber !== null) return asNumber;
    return Number(value).toFixed(2);
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string such as "2000.00"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: 'An instant as ISO-8601 with an offset, e.g. 2026-03-18T09:42:10+08:00 (output in UTC, Z).',
});

export const JSONScalar = JSONResolver;
