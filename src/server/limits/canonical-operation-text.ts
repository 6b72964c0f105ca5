// One text per operation, whatever the whitespace, commas or fragment order a client used: the
// manifest stores this form, and the allow-list also accepts a full query whose canonical form is
// listed. Operations first (in the order written), then fragments sorted by name, printed by graphql-js.
import { Kind, print, type DefinitionNode, type DocumentNode } from 'graphql';

export function canonicalOperationText(document: DocumentNode): string {
  const operations: DefinitionNode[] = [];
  const fragments: Array<DefinitionNode & { name: { value: string } }> = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.push(d);
    else operations.push(d);
  }
  fragments.sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  return print({ kind: Kind.DOCUMENT, definitions: [...operations, ...fragments] });
}
