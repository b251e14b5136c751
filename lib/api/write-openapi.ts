/** Writes public/openapi.json from the API's zod schemas: `npx tsx lib/api/write-openapi.ts`. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "./openapi";

const target = path.resolve(__dirname, "../../public/openapi.json");
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
