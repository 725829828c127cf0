import path from "node:path";
import type { Plugin } from "vite";
import { ShellViewerDocument, SwitchAccountDocument } from "../src/gql/graphql";
import { precompiledDocuments } from "./precompiled-documents";

const srcDir = path.resolve(__dirname, "../src");

type Hook = (this: unknown, ...args: unknown[]) => unknown;
function hook(plugin: Plugin, name: "buildStart" | "transform" | "resolveId" | "load"): Hook {
  const value = plugin[name] as Hook | { handler: Hook };
  return typeof value === "function" ? value : value.handler;
}

function startedPlugin() {
  const plugin = precompiledDocuments(srcDir);
  hook(plugin, "buildStart").call({});
  return {
    transform: (code: string, id: string) =>
      hook(plugin, "transform").call({}, code, id) as { code: string } | null,
    load: (id: string) => hook(plugin, "load").call({}, id) as string | null,
    resolveId: (id: string) => hook(plugin, "resolveId").call({}, id) as string | null,
  };
}

const source = `import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const shellViewerQuery = graphql(\`
  query ShellViewer {
    viewer {
      user {
        id
      }
    }
  }
\`);
export const switchAccount = graphql(/* GraphQL */ \`
  mutation SwitchAccount($input: SwitchAccountInput!) {
    switchAccount(input: $input) {
      account {
        id
      }
    }
  }
\`);
`;

describe("precompiledDocuments (build-time graphql() replacement)", () => {
  const file = path.join(srcDir, "app/example.ts");

  it("replaces each graphql() call with an import of that document's own module", () => {
    const result = startedPlugin().transform(source, file);
    expect(result?.code).not.toMatch(/\bgraphql\(/);
    expect(result?.code).not.toContain('from "../gql"');
    expect(result?.code).toContain(
      'import __document_ShellViewerDocument from "virtual:pn-document/ShellViewerDocument";',
    );
    expect(result?.code).toContain(
      "export const shellViewerQuery = __document_ShellViewerDocument;",
    );
    expect(result?.code).toContain(
      "export const switchAccount = __document_SwitchAccountDocument;",
    );
  });

  it("loads the same document codegen generated, so build and runtime agree", () => {
    const plugin = startedPlugin();
    for (const [name, document] of [
      ["ShellViewerDocument", ShellViewerDocument],
      ["SwitchAccountDocument", SwitchAccountDocument],
    ] as const) {
      const id = plugin.resolveId(`virtual:pn-document/${name}`);
      expect(id).toBe(`\0virtual:pn-document/${name}`);
      const code = plugin.load(id ?? "");
      expect(JSON.parse((code ?? "").replace(/^export default /, "").replace(/;$/, ""))).toEqual(
        JSON.parse(JSON.stringify(document)),
      );
    }
  });

  it("leaves files without the graphql() import and the generated folder alone", () => {
    const plugin = startedPlugin();
    expect(plugin.transform("export const x = 1;", file)).toBeNull();
    expect(plugin.transform(source, path.join(srcDir, "gql/gql.ts"))).toBeNull();
  });

  it("fails the build on a document codegen has not generated", () => {
    const stale = source.replace("query ShellViewer", "query NotGenerated");
    expect(() => startedPlugin().transform(stale, file)).toThrow(/NotGeneratedDocument/);
  });
});
