/**
 * Developers learn the API from the schema (the playground's docs, codegen comments):
 * every type, field, argument, input field and enum value must say what it is.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from "graphql";
import { buildAppSchema } from "../app/schema";

/** Every schema coordinate (Type, Type.field, Type.field(arg), Enum.VALUE) that has no description. */
export function undescribedCoordinates(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const described = (text: string | null | undefined) => Boolean(text?.trim());
  for (const type of Object.values(schema.getTypeMap())) {
    // graphql-js's own types (__Schema, String, Int…) are described by the specification.
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    } else if (isUnionType(type)) {
      // A union's description is its type description, checked above.
    }
  }
  return missing.sort();
}

describe("schema documentation", () => {
  it("describes every type, field, argument and enum value", () => {
    expect(undescribedCoordinates(buildAppSchema())).toEqual([]);
  });

  it("gives every deprecation a reason", () => {
    const schema = buildAppSchema();
    const withoutReason: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type)) continue;
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (
            field.deprecationReason !== undefined &&
            field.deprecationReason !== null &&
            !field.deprecationReason.trim()
          )
            withoutReason.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (
            value.deprecationReason !== undefined &&
            value.deprecationReason !== null &&
            !value.deprecationReason.trim()
          )
            withoutReason.push(`${type.name}.${value.name}`);
      }
    }
    expect(withoutReason).toEqual([]);
  });

  it("the check itself finds an undescribed field", () => {
    const sample = buildSchema(
      `"""Root""" type Query { """ok""" a: Int b(x: Int): Int } """E""" enum E { """one""" ONE TWO }`,
    );
    expect(undescribedCoordinates(sample)).toEqual(["E.TWO", "Query.b", "Query.b(x:)"]);
  });
});
