import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import type { Plugin } from "vite";

/**
 * Replaces each `graphql(`…`)` call of codegen's client preset with an import of the
 * pre-parsed document it stands for (`ShellViewerDocument`, `MemberRowFragmentDoc` of
 * src/gql/graphql.ts), as the preset's Babel/SWC plugin would, one small module per document.
 *
 * Why: `graphql()` looks documents up in src/gql/gql.ts, a map of every operation in the app
 * keyed by its source text, and src/gql/graphql.ts holds all of them in one module. Whoever
 * imports either ships every page's documents, so the first page paid for all of them. One
 * module per document lets the bundler put each next to the code that uses it. Build only:
 * dev and jest keep the runtime lookup, which returns equal objects.
 */
export function precompiledDocuments(srcDir: string): Plugin {
  const gqlDir = path.join(srcDir, "gql");
  const generated = path.join(gqlDir, "graphql.ts");
  const virtualPrefix = "virtual:pn-document/";
  const resolvedPrefix = `\0${virtualPrefix}`;
  /** Document name → its JSON (the object literal codegen wrote). */
  let documents: Map<string, string>;
  const callPattern = /\bgraphql\(\s*(?:\/\* GraphQL \*\/\s*)?`([^`]*)`\s*\)/g;
  const importPattern = /import\s*\{\s*graphql\s*\}\s*from\s*"([^"]*\/gql)";?/;

  function documentName(source: string, id: string): string {
    const definitions = parse(source).definitions;
    const first = definitions[0];
    const named =
      first && (first.kind === "OperationDefinition" || first.kind === "FragmentDefinition")
        ? first
        : undefined;
    if (definitions.length !== 1 || !named?.name)
      throw new Error(`${id}: a graphql() document must hold one named operation or fragment`);
    const name =
      named.kind === "FragmentDefinition"
        ? `${named.name.value}FragmentDoc`
        : `${named.name.value}Document`;
    if (!documents.has(name))
      throw new Error(`${id}: ${name} is not in src/gql/graphql.ts; run pnpm codegen`);
    return name;
  }

  return {
    name: "pn:precompiled-documents",
    apply: "build",
    enforce: "pre",
    buildStart() {
      documents = new Map(
        [
          ...readFileSync(generated, "utf8").matchAll(
            /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm,
          ),
        ].map((m) => [m[1], m[2]]),
      );
    },
    resolveId(source) {
      return source.startsWith(virtualPrefix) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(resolvedPrefix)) return null;
      const json = documents.get(id.slice(resolvedPrefix.length));
      return json === undefined ? null : `export default ${json};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || !id.startsWith(srcDir) || id.startsWith(gqlDir)) return null;
      const imported = importPattern.exec(code);
      if (!imported) return null;
      const names = new Set<string>();
      const body = code.replace(callPattern, (_call, source: string) => {
        const name = documentName(source, id);
        names.add(name);
        return `__document_${name}`;
      });
      if (/\bgraphql\(/.test(body))
        throw new Error(`${id}: a graphql() call this plugin cannot read (interpolation?)`);
      const imports = [...names]
        .map((name) => `import __document_${name} from "${virtualPrefix}${name}";`)
        .join("\n");
      return {
        code: body.replace(importPattern, imports),
        map: null,
      };
    },
  };
}
