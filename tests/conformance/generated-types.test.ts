import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alpacaSpecDirectory, generateAlpacaTypes, generatedHeader, hasAlpacaSpecs } from '../../scripts/generate-alpaca-types.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const specsMissing = !hasAlpacaSpecs(projectRoot);
const reason = specsMissing ? ` (skipped: no Alpaca specs in ${alpacaSpecDirectory(projectRoot)})` : '';

let generation: Promise<Map<string, string>> | undefined;
/** Generating takes a few seconds; both tests share one run. */
function generate(): Promise<Map<string, string>> {
  generation ??= generateAlpacaTypes(projectRoot);
  return generation;
}

describe('generated Alpaca types', () => {
  it.skipIf(specsMissing)(`are identical to a fresh generation from the specs${reason}`, async () => {
    const generated = await generate();
    expect([...generated.keys()].sort()).toEqual([
      'src/clients/alpaca/generated/market-data.ts',
      'src/clients/alpaca/generated/trading.ts',
    ]);
    for (const [output, text] of generated) {
      const committed = await readFile(path.join(projectRoot, output), 'utf8');
      expect(committed, `${output} is stale: run npm run gen:alpaca`).toBe(text);
    }
  });

  it.skipIf(specsMissing)(`carry no vendor prose${reason}`, async () => {
    for (const text of (await generate()).values()) {
      expect(text.startsWith(`${generatedHeader}\n`)).toBe(true);
      // The only comments left are the generator's structural annotations (formats, enums, defaults, deprecation).
      const comments = text.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
      for (const comment of comments) {
        const body = comment.replace(/^\/\*\*|\*\/$/g, '').replace(/^\s*\*/gm, '').trim();
        expect(body).toMatch(/^((Format: [\w-]+|@enum \{\w+\}|@deprecated|@default \S+)\s*)+$/);
      }
    }
  });
});
