/**
 * The input policy (packages/shared input-policy.ts) applied to every GraphQL field
 * that takes text: before the resolver runs, every String and ID value in its
 * arguments (through input objects and lists) is checked against the rule for its
 * field. A mutation whose payload has `userErrors` answers them (code INVALID, the
 * path inside `input`) with its other fields empty, without running the resolver, so
 * nothing is written; any other field (a search filter, a token lookup) fails with
 * BAD_USER_INPUT. Nothing reaches a service, or PostgreSQL, with a NUL byte, a stray
 * control or bidi character, or more characters than its column allows.
 *
 * It wraps the resolvers of the built schema (like resolver-timeout.ts) rather than
 * being a TypeGraphQL middleware, so only the fields with text arguments pay for it.
 */
import { inputProblem, inputRuleFor, fieldLabel, UserErrorCode } from "@pn/shared";
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { BadUserInputError } from "./errors";
import { userError, type UserError } from "./user-error";

/** A String or ID input without a policy entry; the schema spec lists them. */
export type UncoveredInput = { owner: string; field: string };

export type InputViolation = { path: (string | number)[]; message: string };

function isText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && (named.name === "String" || named.name === "ID");
}

/** Whether `type` holds any text, directly or through input objects and lists. */
function holdsText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isText(type)) return true;
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsText(field.type, seen));
}

/** Every String/ID argument and input-object field of the schema, with the type (or `Type.field()`) that owns it. */
export function textInputs(schema: GraphQLSchema): { owner: string; field: string }[] {
  const found = new Map<string, { owner: string; field: string }>();
  const seen = new Set<string>();
  const visit = (owner: string, input: GraphQLArgument | GraphQLInputField) => {
    if (isText(input.type)) found.set(`${owner}.${input.name}`, { owner, field: input.name });
    const named = getNamedType(input.type);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      seen.add(named.name);
      for (const field of Object.values(named.getFields())) visit(named.name, field);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args) visit(`${type.name}.${field.name}()`, arg);
  }
  return [...found.values()];
}

/** The inputs `textInputs` finds that the policy table has no rule for. */
export function uncoveredInputs(schema: GraphQLSchema): UncoveredInput[] {
  return textInputs(schema).filter(({ owner, field }) => !ruleOf(owner, field));
}

/** Arguments are looked up as `Query.field().arg` then by the bare name; input fields as `Type.field`. */
function ruleOf(owner: string, field: string) {
  return inputRuleFor(owner, field);
}

function checkValue(
  owner: string,
  name: string,
  type: GraphQLInputType,
  value: unknown,
  path: (string | number)[],
  out: InputViolation[],
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      value.forEach((item, index) =>
        checkValue(owner, name, nullable.ofType, item, [...path, index], out),
      );
    return;
  }
  if (isText(nullable)) {
    if (typeof value !== "string") return;
    const rule = ruleOf(owner, name);
    // A field the table does not know yet is refused by the schema spec, not at run time.
    if (!rule) return;
    const problem = inputProblem(value, rule, fieldLabel(name));
    if (problem) out.push({ path, message: problem.message });
    return;
  }
  if (isInputObjectType(nullable) && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields()))
      checkValue(
        nullable.name,
        field.name,
        field.type,
        record[field.name],
        [...path, field.name],
        out,
      );
  }
}

/** What is wrong with the text in `args` of `field` (of `parent`), in input order. */
export function inputViolations(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): InputViolation[] {
  const out: InputViolation[] = [];
  for (const arg of field.args)
    checkValue(
      `${parent.name}.${field.name}()`,
      arg.name,
      arg.type,
      args[arg.name],
      [arg.name],
      out,
    );
  return out;
}

/** The empty value of a payload field: [] for lists, 0 and false for counts and flags, null otherwise. */
function emptyValue(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) {
    if (inner.name === "Int" || inner.name === "Float") return 0;
    if (inner.name === "Boolean") return false;
    if (inner.name === "String" || inner.name === "ID") return "";
  }
  return null;
}

/** For a mutation whose payload carries userErrors: the payload to answer instead of running it. */
function refusalPayload(
  payloadType: GraphQLOutputType,
): ((errors: UserError[]) => Record<string, unknown>) | null {
  const named = getNamedType(payloadType);
  if (!isObjectType(named) || !named.getFields().userErrors) return null;
  const fields = Object.values(named.getFields()).filter((field) => field.name !== "userErrors");
  return (userErrors) => ({
    ...Object.fromEntries(fields.map((field) => [field.name, emptyValue(field.type)])),
    userErrors,
  });
}

function guarded(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  resolve: GraphQLFieldResolver<unknown, unknown>,
  isMutation: boolean,
): GraphQLFieldResolver<unknown, unknown> {
  const refuse = isMutation ? refusalPayload(field.type) : null;
  return (source, args, context, info) => {
    const violations = inputViolations(parent, field, args);
    if (violations.length === 0) return resolve(source, args, context, info);
    if (refuse) {
      // Mutations take one `input`: userError paths start inside it, like the services'.
      return refuse(
        violations.map(({ path, message }) =>
          userError(UserErrorCode.INVALID, message, path[0] === "input" ? path.slice(1) : path),
        ),
      );
    }
    const [first] = violations;
    throw new BadUserInputError(first!.message, String(first!.path[0]));
  };
}

const applied = new WeakSet<GraphQLSchema>();

/** Guards every field of `schema` that takes text (once per schema; it changes the schema in place). */
export function applyInputPolicy(schema: GraphQLSchema): GraphQLSchema {
  if (applied.has(schema)) return schema;
  applied.add(schema);
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => holdsText(arg.type))) continue;
      field.resolve = guarded(
        type,
        field,
        field.resolve ?? defaultFieldResolver,
        type === mutationType,
      );
    }
  }
  return schema;
}
