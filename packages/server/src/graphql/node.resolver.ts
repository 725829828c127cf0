import { fromGlobalId } from "@pn/shared";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "./context";
import { BadUserInputError } from "./errors";
import { isUuid } from "./global-id";
import { Node, nodeSource, type Typed } from "./node";

const MAX_NODES = 100;

/** Loads global IDs of any type; unknown, malformed and other accounts' IDs come back null. */
async function loadNodes(
  context: Context,
  ids: readonly string[],
): Promise<(Typed<string> | null)[]> {
  const byType = new Map<string, { index: number; localId: string }[]>();
  ids.forEach((id, index) => {
    const parts = fromGlobalId(id);
    // Every table keys rows by uuid; anything else cannot exist and must not reach SQL.
    if (!parts || !isUuid(parts.id) || !nodeSource(parts.type)) return;
    const group = byType.get(parts.type) ?? [];
    group.push({ index, localId: parts.id });
    byType.set(parts.type, group);
  });
  const results: (Typed<string> | null)[] = ids.map(() => null);
  await Promise.all(
    [...byType].map(async ([type, entries]) => {
      const loaded = await nodeSource(type)!.load(
        context,
        entries.map((entry) => entry.localId),
      );
      entries.forEach((entry, i) => (results[entry.index] = loaded[i] ?? null));
    }),
  );
  return results;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Refetches any object by its global ID; null when it does not exist for you.",
  })
  async node(
    @Arg("id", () => ID, { description: "A global ID of any object (the `id` field)." }) id: string,
    @Ctx() context: Context,
  ): Promise<Typed<string> | null> {
    const [result] = await loadNodes(context, [id]);
    return result ?? null;
  }

  @Query(() => [Node], {
    nullable: "items",
    description: `Refetches up to ${MAX_NODES} objects; each unknown ID gives null in its place.`,
  })
  nodes(
    @Arg("ids", () => [ID], {
      description: "Global IDs; the result has one entry per ID, in the same order.",
    })
    ids: string[],
    @Ctx() context: Context,
  ): Promise<(Typed<string> | null)[]> {
    if (ids.length > MAX_NODES)
      throw new BadUserInputError(`\`ids\` takes at most ${MAX_NODES} IDs.`, "ids");
    return loadNodes(context, ids);
  }
}
