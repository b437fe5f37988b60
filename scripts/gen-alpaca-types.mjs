// Writes src/clients/alpaca/generated/*.ts from Alpaca's OpenAPI specs in ../shared/reference/alpaca-openapi.
// The generation itself lives in generate-alpaca-types.ts (also used by tests/conformance/generated-types.test.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { alpacaSpecDirectory, generateAlpacaTypes, hasAlpacaSpecs } = await import('./generate-alpaca-types.ts');

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!hasAlpacaSpecs(projectRoot)) {
  console.error(`gen:alpaca: Alpaca OpenAPI specs not found in ${alpacaSpecDirectory(projectRoot)} (expected trading-api.json and market-data-api.json).`);
  process.exit(1);
}

for (const [output, text] of await generateAlpacaTypes(projectRoot)) {
  const file = path.join(projectRoot, output);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`gen:alpaca: wrote ${output} (${String(text.length)} characters)`);
}
