import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  // Committed by packages/server (`pnpm --filter @pn/server schema:emit`).
  schema: "../server/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: "getFragmentData" },
      },
      config: {
        useTypeImports: true,
        // Results always carry __typename (Apollo adds it), so test fixtures must too.
        nonOptionalTypename: true,
        enumsAsTypes: true,
        // `...Fragment @unmask` inlines a shared selection (see src/lib/fragments.ts) into the
        // operation's types instead of masking it, like Apollo Client's own @unmask.
        customDirectives: { apolloUnmask: true },
        // No `any`: every scalar is typed; a new server scalar must be mapped here.
        strictScalars: true,
        scalars: {
          ID: "string",
          DateTime: "string",
        },
      },
    },
  },
};

export default config;
