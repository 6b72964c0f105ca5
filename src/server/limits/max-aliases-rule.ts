// Refuses operations with too many aliases: aliases let one small request run the same expensive
// field hundreds of times (`a1: cases(first: 100) … a500: cases(first: 100)`), which neither the
// depth limit nor the request rate sees. Aliases are counted per operation, inside fragments as
// often as the fragments are spread (each fragment counted once and memoised; cycles are skipped).
import { Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { LimitError } from './limit-error';

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const count = new AliasCount((name) => context.getFragment(name)).of(operation.selectionSet);
      if (count > maxAliases) {
        const error = new LimitError('TOO_MANY_ALIASES', `The operation uses ${count} aliases; the limit is ${maxAliases}.`, {
          limit: maxAliases,
          actual: count,
        });
        context.reportError(error.toGraphQLError({ nodes: [operation] }));
      }
    },
  });
}

class AliasCount {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragment: (name: string) => FragmentDefinitionNode | null | undefined) {}

  of(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count += 1;
        if (selection.selectionSet) count += this.of(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.of(selection.selectionSet);
      } else {
        count += this.ofFragment(selection.name.value);
      }
    }
    return count;
  }

  private ofFragment(name: string): number {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragment(name);
    if (!fragment || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const count = this.of(fragment.selectionSet);
    this.visiting.delete(name);
    this.memo.set(name, count);
    return count;
  }
}
