// The cost model, kept simple enough to compute by hand:
//   • every field costs 1 (__typename is free: clients add it everywhere);
//   • a field with a page-size argument (`first`, `last` or `limit`) multiplies what is under it
//     by that size — from the literal, the variables, the argument's default, or else the
//     default list size;
//   • a connection's page size multiplies what is under its `edges`/`nodes` (the edge and its
//     node, once each per item); edges/nodes itself, totalCount and pageInfo count once;
//   • any other list field multiplies what is under it by the default list size;
//   • fragments count where they are spread; members of unions/interfaces are summed;
//   • subscription root fields count like any field: their selection is what each event costs.
// Example: cases(first: 100) { totalCount edges { node { id caseNo } } }
//   = cases 1 + totalCount 1 + edges 1 + 100 × (node 1 + id 1 + caseNo 1) = 303.
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

export interface ComplexityOptions {
  /** Multiplier for lists without a page-size argument (and page sizes left out). */
  defaultListSize: number;
}

const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/** The cost of the operation the request runs, or 0 when there is no such operation. */
export function measureComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  options: ComplexityOptions,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Coerced like execution will (defaults applied); bad variables are refused there, not here.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  const values = 'coerced' in coerced && coerced.coerced ? coerced.coerced : (variables ?? {});
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return new CostWalker(schema, fragments, values, options).selection(root, operation.selectionSet, null);
}

class CostWalker {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly options: ComplexityOptions,
  ) {}

  /** `pageSize` is set inside a connection: it multiplies the connection's edges/nodes. */
  selection(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, pageSize: number | null): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(parent, selection, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selection(this.typeNamed(selection.typeCondition?.name.value) ?? parent, selection.selectionSet, pageSize);
      } else {
        cost += this.fragment(selection.name.value, pageSize);
      }
    }
    return cost;
  }

  private field(parent: GraphQLCompositeType, node: FieldNode, pageSize: number | null): number {
    const name = node.name.value;
    if (name === '__typename') return 0;
    const definition = this.definition(parent, name);
    if (!definition) return 1; // unknown fields are refused by validation
    if (!node.selectionSet) return 1;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 1;

    const size = this.pageSize(definition, node);
    if (isConnection(type)) {
      // The page size applies to the connection's edges/nodes, once.
      return 1 + this.selection(type, node.selectionSet, size ?? this.options.defaultListSize);
    }
    let multiplier = 1;
    if (isListType(getNullableType(definition.type))) {
      const edgesOfConnection = pageSize !== null && (name === 'edges' || name === 'nodes');
      multiplier = edgesOfConnection ? pageSize : (size ?? this.options.defaultListSize);
    } else if (size !== null) {
      multiplier = size;
    }
    return 1 + multiplier * this.selection(type, node.selectionSet, null);
  }

  private fragment(name: string, pageSize: number | null): number {
    const key = `${name}:${pageSize ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return 0; // unknown or cyclic: refused by validation
    const type = this.typeNamed(fragment.typeCondition.name.value);
    if (!type) return 0;
    this.visiting.add(name);
    const cost = this.selection(type, fragment.selectionSet, pageSize);
    this.visiting.delete(name);
    this.memo.set(key, cost);
    return cost;
  }

  private pageSize(definition: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
    for (const argName of PAGE_SIZE_ARGUMENTS) {
      const argument = definition.args.find((a) => a.name === argName);
      if (!argument) continue;
      const given = node.arguments?.find((a) => a.name.value === argName);
      const value = given ? valueFromAST(given.value, argument.type, this.variables) : argument.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    }
    return null;
  }

  private definition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (parent === this.schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    return 'getFields' in parent ? parent.getFields()[name] : undefined;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | null {
    if (!name) return null;
    const type: GraphQLNamedType | undefined = this.schema.getType(name);
    return type && isCompositeType(type) ? type : null;
  }
}

/** Relay-style: an object type named …Connection with an `edges` (or `nodes`) list. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return Boolean(fields.edges ?? fields.nodes);
}
