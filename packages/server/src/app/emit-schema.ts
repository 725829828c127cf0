/** `pnpm --filter @pn/server schema:emit` writes the sorted schema snapshot beside package.json. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSortedSchema } from "./schema";

const target = path.resolve(__dirname, "../../schema.graphql");
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target}`);
