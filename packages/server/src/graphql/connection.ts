/**
 * Relay cursor connections with keyset pagination (never OFFSET).
 *
 * A connection is read by one statement ordered by a unique key (e.g. created_at
 * DESC, id DESC); the cursor carries the key's values as text so timestamps keep
 * their microseconds. totalCount is a second statement that only runs when the
 * field is selected.
 */
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "@pn/shared";
import type { ClassType } from "type-graphql";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import { queryRows } from "../db/sql";
import { BadUserInputError } from "./errors";

@ObjectType({ description: "Where a page of a connection stands within the whole list." })
export class PageInfo {
  @Field({
    description:
      "Whether more items follow this page; fetch them with `first` and `after: endCursor`.",
  })
  hasNextPage: boolean;

  @Field({
    description:
      "Whether items precede this page; fetch them with `last` and `before: startCursor`.",
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first item of this page; null when the page is empty.",
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item of this page; null when the page is empty.",
  })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items after \`after\`: 1 to ${PAGE_SIZE_MAX}, default ${PAGE_SIZE_DEFAULT}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Opaque cursor (an `endCursor` or edge `cursor`); the page starts after that item.",
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Items before \`before\`: 1 to ${PAGE_SIZE_MAX}.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Opaque cursor (a `startCursor` or edge `cursor`); the page ends before that item.",
  })
  before?: string | null;
}

export type Edge<T> = { cursor: string; node: T };

export type Connection<T> = {
  nodes: T[];
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Lazy: the count query starts only when GraphQL awaits it. */
  totalCount: PromiseLike<number>;
};

/** Makes the `XConnection` and `XEdge` object types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a connection page, with its cursor.` })
  class EdgeType {
    @Field(() => String, {
      description: "Opaque position of this item; pass it as `after` or `before`.",
    })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items with cursors.` })
  class ConnectionType {
    @Field(() => [nodeType], {
      description: `The ${name} items of this page (the edges' nodes, without cursors).`,
    })
    nodes: T[];

    @Field(() => [EdgeType], { description: "The items of this page with their cursors." })
    edges: EdgeType[];

    @Field(() => PageInfo, {
      description: "Cursors and whether more pages exist before or after this one.",
    })
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Items in the whole filtered list, not only this page." })
    totalCount: PromiseLike<number>;
  }
  return { EdgeType, ConnectionType };
}

export type KeyColumn = { expression: string; sqlType: "timestamptz" | "uuid" | "text" | "int" };

/**
 * A to-one relation read in the page's own statement instead of by a loader afterwards
 * (issue 20): joined to the page's rows once they are cut, so it costs one lookup per row of
 * the page whatever the list's size. `prime` hands each row's part to the request's loaders,
 * so the field resolvers find it there and send nothing.
 */
export type RowPreload = {
  /** Columns added to the page's rows; name them with a prefix of the preload's own. */
  columns: string;
  /** LEFT JOINs (LATERAL ones too) on the page's rows, given the page's alias; never more than one row each. */
  joins(pageAlias: string): string;
  prime(row: Record<string, unknown>): void;
};

export type KeysetQuery = {
  /** Columns to select; the row type is what the caller maps from. */
  select: string;
  /** FROM clause including joins. */
  from: string;
  /** Conditions joined by AND; use $1, $2 … numbered against `params`. */
  where: string[];
  params: unknown[];
  /** A unique ordering; the last key is normally the primary key. */
  orderBy: KeyColumn[];
  direction: "ASC" | "DESC";
  /**
   * The order's name inside its cursors ("NAME:ASC"), so a cursor made under one order is
   * refused under another instead of silently starting at an unrelated place. Absent for
   * the default order (newest first), whose cursors stay what they always were.
   */
  orderName?: string;
  /** Relations the caller selected below the nodes, read with the page (see RowPreload). */
  preloads?: RowPreload[];
};

/** The order of every list here: newest first, ties broken by id (the key of its keyset). */
export function newestFirst(alias: string): Pick<KeysetQuery, "orderBy" | "direction"> {
  return {
    orderBy: [
      { expression: `${alias}.created_at`, sqlType: "timestamptz" },
      { expression: `${alias}.id`, sqlType: "uuid" },
    ],
    direction: "DESC",
  };
}

/** What a cursor must match: the keys it carries and the order it was made under. */
export type CursorOrder = Pick<KeysetQuery, "orderBy" | "orderName">;

export type PageRequest = { limit: number; cursor: string[] | null; backwards: boolean };

export function parsePageRequest(args: ConnectionArgs, order: CursorOrder): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null)
    throw new BadUserInputError("Pass either `first` or `last`, not both.", "first");
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value != null && (value < 1 || value > PAGE_SIZE_MAX)) {
      throw new BadUserInputError(
        `\`${name}\` must be between 1 and ${PAGE_SIZE_MAX}, got ${value}.`,
        name,
      );
    }
  }
  const backwards = last != null || (before != null && first == null);
  const cursorText = backwards ? before : after;
  return {
    limit: (backwards ? last : first) ?? PAGE_SIZE_DEFAULT,
    cursor:
      cursorText == null ? null : decodeCursor(cursorText, order, backwards ? "before" : "after"),
    backwards,
  };
}

/** A cursor of the default order is the keys' array; of a named order, the name beside them. */
export function encodeCursor(values: string[], orderName?: string): string {
  const payload = orderName === undefined ? values : { order: orderName, keys: values };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/**
 * What each key type's text must look like before PostgreSQL casts it: a tampered cursor
 * is the caller's mistake (BAD_USER_INPUT), not a failed cast inside the statement.
 */
const KEY_TEXT: Record<KeyColumn["sqlType"], RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  int: /^-?\d{1,9}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2}){0,2})?$/,
  // Any text but NUL, which PostgreSQL text cannot hold.
  // eslint-disable-next-line no-control-regex -- finding NUL is the point
  text: /^[^\u0000]*$/u,
};

function describeOrder(orderName: string | null): string {
  return orderName === null
    ? "newest first (the default order)"
    : `by ${orderName.replace(":", " ")}`;
}

function decodeCursor(cursor: string, order: CursorOrder, argumentName: string): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    payload = null;
  }
  const notACursor = () =>
    new BadUserInputError(`\`${argumentName}\` is not a cursor of this list.`, argumentName);
  let madeUnder: string | null = null;
  let values: unknown = payload;
  if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
    const named = payload as { order?: unknown; keys?: unknown };
    if (typeof named.order !== "string") throw notACursor();
    madeUnder = named.order;
    values = named.keys;
  }
  if (!Array.isArray(values)) throw notACursor();
  const expected = order.orderName ?? null;
  if (madeUnder !== expected)
    throw new BadUserInputError(
      `\`${argumentName}\` is a cursor of this list ordered ${describeOrder(madeUnder)}, but this request orders it ${describeOrder(expected)}. Pass a cursor with the order it was made under, or start again without one.`,
      argumentName,
    );
  if (
    values.length !== order.orderBy.length ||
    !values.every(
      (value, i) => typeof value === "string" && KEY_TEXT[order.orderBy[i]!.sqlType].test(value),
    )
  )
    throw notACursor();
  return values as string[];
}

function lazy<T>(factory: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= factory();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/** Runs a keyset page query and builds the connection; `map` turns a raw row into the node. */
export async function paginate<Row extends Record<string, unknown>, T>(
  db: EntityManager,
  query: KeysetQuery,
  args: ConnectionArgs,
  map: (row: Row) => T,
): Promise<Connection<T>> {
  const page = parsePageRequest(args, query);
  const params = [...query.params];
  const where = [...query.where];
  const scanDirection = page.backwards ? flip(query.direction) : query.direction;
  if (page.cursor) {
    const placeholders = query.orderBy.map((key, i) => {
      params.push(page.cursor![i]);
      return `$${params.length}::${key.sqlType}`;
    });
    const comparison = scanDirection === "ASC" ? ">" : "<";
    where.push(
      `(${query.orderBy.map((k) => k.expression).join(", ")}) ${comparison} (${placeholders.join(", ")})`,
    );
  }
  params.push(page.limit + 1);
  const keySelect = query.orderBy
    .map((key, i) => `(${key.expression})::text AS "__key${i}"`)
    .join(", ");
  const whereClause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const orderClause = query.orderBy.map((key) => `${key.expression} ${scanDirection}`).join(", ");
  const preloads = query.preloads ?? [];
  // With preloads the page keeps its order through its position: they join it once it is cut
  // (never the whole filtered list before its sort).
  const position = preloads.length
    ? `, row_number() OVER (ORDER BY ${orderClause}) AS "__position"`
    : "";
  const pageSql = `SELECT ${query.select}, ${keySelect}${position} FROM ${query.from} ${whereClause} ORDER BY ${orderClause} LIMIT $${params.length}`;
  const rows = await queryRows<Row>(
    db,
    preloads.length === 0
      ? pageSql
      : `SELECT page.*, ${preloads.map((preload) => preload.columns).join(", ")}
         FROM (${pageSql}) page ${preloads.map((preload) => preload.joins("page")).join(" ")}
         ORDER BY page."__position"`,
    params,
  );
  for (const row of rows) for (const preload of preloads) preload.prime(row);
  const hasMore = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (page.backwards) pageRows.reverse();
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(
      query.orderBy.map((_, i) => String(row[`__key${i}`])),
      query.orderName,
    ),
    node: map(row),
  }));
  const countWhere = query.where.length ? `WHERE ${query.where.join(" AND ")}` : "";
  return {
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: page.backwards ? args.before != null : hasMore,
      hasPreviousPage: page.backwards ? hasMore : args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: lazy(async () => {
      const [row] = await queryRows<{ count: number }>(
        db,
        `SELECT count(*)::int AS count FROM ${query.from} ${countWhere}`,
        query.params,
      );
      return row!.count;
    }),
  };
}

function flip(direction: "ASC" | "DESC"): "ASC" | "DESC" {
  return direction === "ASC" ? "DESC" : "ASC";
}
