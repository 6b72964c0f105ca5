// Counts a query's lexical tokens (comments excluded, as graphql-js counts them) before anything
// parses it: parse and validation time grow with the token count, so a bound on it bounds them.
import { Lexer, Source, TokenKind } from 'graphql';

export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error: the parser reports it with its position; the count so far stands.
  }
  return count;
}
