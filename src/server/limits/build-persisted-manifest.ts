// Builds the persisted-operation manifest (sha256 → query) from the .graphql documents a
// frontend ships: each named operation with the fragments it uses, in canonical form, so the
// same operation always gets the same hash. Used by `npm run persisted:build` and its check.
import { Kind, parse, specifiedRules, validate, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { canonicalOperationText } from './canonical-operation-text';
import { operationHash } from './operation-hash';

export interface OperationSource {
  /** For error messages, e.g. the file name. */
  name: string;
  body: string;
}

export function buildPersistedManifest(sources: ReadonlyArray<OperationSource>, schema?: GraphQLSchema): Record<string, string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: Array<{ source: string; node: OperationDefinitionNode }> = [];
  for (const source of sources) {
    for (const d of parse(source.body).definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(d.name.value)) throw new Error(`${source.name}: fragment ${d.name.value} is defined twice`);
        fragments.set(d.name.value, d);
      } else if (d.kind === Kind.OPERATION_DEFINITION) {
        if (!d.name) throw new Error(`${source.name}: every persisted operation needs a name`);
        operations.push({ source: source.name, node: d });
      }
    }
  }
  const names = new Set<string>();
  const entries: Array<[string, string, string]> = [];
  for (const { source, node } of operations) {
    const name = node.name!.value;
    if (names.has(name)) throw new Error(`${source}: operation ${name} is defined twice`);
    names.add(name);
    const used = new Set<string>();
    collectFragments(node.selectionSet, fragments, used, source);
    const document = { kind: Kind.DOCUMENT, definitions: [node, ...[...used].map((f) => fragments.get(f)!)] } as const;
    if (schema) {
      const errors = validate(schema, document, specifiedRules);
      if (errors.length) throw new Error(`${source}: operation ${name} does not validate: ${errors[0].message}`);
    }
    const text = canonicalOperationText(document);
    entries.push([name, operationHash(text), text]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries.map(([, hash, text]) => [hash, text]));
}

function collectFragments(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, used: Set<string>, source: string): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      if (used.has(name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`${source}: fragment ${name} is not defined`);
      used.add(name);
      collectFragments(fragment.selectionSet, fragments, used, source);
    } else if (selection.selectionSet) {
      collectFragments(selection.selectionSet, fragments, used, source);
    }
  }
}
