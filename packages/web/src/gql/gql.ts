/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SwitchAccountDocument,
    "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ShellViewerDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n": typeof types.LogOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersListDocument,
    "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ChangePlanDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n": typeof types.AccountSettingsDocument,
    "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SwitchAccountDocument,
    "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": types.ShellViewerDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n": types.LogOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.MembersListDocument,
    "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ChangePlanDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n": types.AccountSettingsDocument,
    "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n          }\n          pageInfo {\n            hasNextPage\n            hasPreviousPage\n            startCursor\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;