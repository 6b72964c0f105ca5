// Refuses operations nested deeper than the limit: resolving depth costs a round of resolvers
// (and often a database or upstream call) per level, and cyclic types (case → party → cases →
// …) let a small query fan out without end. Depth = the number of fields on the longest path
// from the root to a leaf (`{ a }` is 1, `{ a { b } }` is 2). Fragments count where they are
// spread; a fragment cycle (refused by the standard rules) is not followed twice.
// Introspection fields count too, against their own limit: the standard introspection query
// that GraphiQL sends (graphql-js getIntrospectionQuery) is 15 deep through its nine `ofType`
// levels, and the explorer must keep working where introspection is allowed.
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { LimitError } from './limit-error';

export interface DepthLimits {
  maxDepth: number;
  /** For the subtrees of the root fields __schema and __type. */
  maxIntrospectionDepth: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

export function maxDepthRule(limits: DepthLimits): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const depth = new SelectionDepth((name) => context.getFragment(name));
      let deepest = 0;
      let deepestNode: FieldNode | null = null;
      let deepestIntrospection = 0;
      let introspectionNode: FieldNode | null = null;
      for (const field of depth.rootFields(operation.selectionSet)) {
        const d = 1 + (field.selectionSet ? depth.of(field.selectionSet) : 0);
        if (INTROSPECTION_ROOTS.has(field.name.value)) {
          if (d > deepestIntrospection) [deepestIntrospection, introspectionNode] = [d, field];
        } else if (d > deepest) {
          [deepest, deepestNode] = [d, field];
        }
      }
      if (deepest > limits.maxDepth) {
        const error = new LimitError('QUERY_TOO_DEEP', `The operation is ${deepest} levels deep; the limit is ${limits.maxDepth}.`, {
          limit: limits.maxDepth,
          actual: deepest,
        });
        context.reportError(error.toGraphQLError({ nodes: deepestNode ? [deepestNode] : [operation] }));
      }
      if (deepestIntrospection > limits.maxIntrospectionDepth) {
        const error = new LimitError(
          'QUERY_TOO_DEEP',
          `The introspection selection is ${deepestIntrospection} levels deep; the limit is ${limits.maxIntrospectionDepth}.`,
          { limit: limits.maxIntrospectionDepth, actual: deepestIntrospection, introspection: true },
        );
        context.reportError(error.toGraphQLError({ nodes: introspectionNode ? [introspectionNode] : [operation] }));
      }
    },
  });
}

/** Depth of selection sets with fragments expanded, each fragment measured once (memoised). */
class SelectionDepth {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragment: (name: string) => FragmentDefinitionNode | null | undefined) {}

  /** The fields at the root, through fragments and inline fragments. */
  rootFields(selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
    const fields: FieldNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...this.rootFields(selection.selectionSet, seen));
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = this.fragment(selection.name.value);
        if (fragment) fields.push(...this.rootFields(fragment.selectionSet, seen));
      }
    }
    return fields;
  }

  of(selectionSet: SelectionSetNode): number {
    let max = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        max = Math.max(max, 1 + (selection.selectionSet ? this.of(selection.selectionSet) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, this.of(selection.selectionSet));
      } else {
        max = Math.max(max, this.ofFragment(selection.name.value));
      }
    }
    return max;
  }

  private ofFragment(name: string): number {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragment(name);
    if (!fragment || this.visiting.has(name)) return 0; // unknown or cyclic: other rules refuse it
    this.visiting.add(name);
    const depth = this.of(fragment.selectionSet);
    this.visiting.delete(name);
    this.memo.set(name, depth);
    return depth;
  }
}
