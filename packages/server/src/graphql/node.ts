/**
 * The Node interface and the registry that lets `node`/`nodes` refetch any type.
 * Each module registers a source for its types; a source loads by local id and
 * returns null for anything outside the viewer's account.
 */
import { Field, ID, InterfaceType } from "type-graphql";
import type { Context } from "./context";

export type Typed<Name extends string> = { __typename: Name };

@InterfaceType({
  description: "An object with an opaque global ID, refetchable through `node`.",
  resolveType: (value: Typed<string>) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID." })
  id: string;
}

export type NodeSource = {
  typeName: string;
  load(context: Context, localIds: readonly string[]): Promise<(Typed<string> | null)[]>;
};

const sources = new Map<string, NodeSource>();

export function registerNodeSource(source: NodeSource): void {
  sources.set(source.typeName, source);
}

export function nodeSource(typeName: string): NodeSource | undefined {
  return sources.get(typeName);
}
