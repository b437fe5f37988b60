import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { globalsRules, layerRules } from '../eslint/architecture.js';

/**
 * Each fixture in tests/lint-fixtures/ is linted as if it were the file named on its `// lint-as:` line, with the
 * architecture rules of eslint/architecture.js (the ones `npm run lint` applies), and must be reported by exactly the
 * rule on its `// expect:` line (`none` for the allowed cases), with a message containing its `// message:` text.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const fixtureDir = join(root, 'tests/lint-fixtures');

interface Fixture {
  name: string;
  text: string;
  lintAs: string;
  expected: string | null;
  message: string | undefined;
}

function header(text: string, key: string): string | undefined {
  return new RegExp(`^// ${key}: (.+)$`, 'm').exec(text)?.[1]?.trim();
}

const fixtures: Fixture[] = readdirSync(fixtureDir)
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(fixtureDir, name), 'utf8');
    const lintAs = header(text, 'lint-as');
    const expect = header(text, 'expect');
    if (!lintAs || !expect) throw new Error(`${name} needs "// lint-as:" and "// expect:" lines`);
    return { name, text, lintAs, expected: expect === 'none' ? null : expect, message: header(text, 'message') };
  });

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, layerRules, ...globalsRules],
});

async function lint(fixture: Fixture) {
  const [result] = await eslint.lintText(fixture.text, { filePath: join(root, fixture.lintAs) });
  return (result?.messages ?? []).map((message) => ({ ruleId: message.ruleId, message: message.message }));
}

describe('architecture lint rules', () => {
  it.each(fixtures.filter((fixture) => fixture.expected !== null).map((fixture) => [fixture.name, fixture] as const))(
    '%s is reported by exactly its rule',
    async (_name, fixture) => {
      const messages = await lint(fixture);
      expect(messages.map((message) => message.ruleId)).toEqual([fixture.expected]);
      if (fixture.message) expect(messages[0]?.message).toContain(fixture.message);
    },
  );

  it.each(fixtures.filter((fixture) => fixture.expected === null).map((fixture) => [fixture.name, fixture] as const))(
    '%s breaks no rule',
    async (_name, fixture) => {
      expect(await lint(fixture)).toEqual([]);
    },
  );

  it('has a fixture for every rule and every restricted global, property and syntax', () => {
    const expected = new Set(fixtures.map((fixture) => fixture.expected));
    for (const rule of ['boundaries/dependencies', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax']) expect(expected).toContain(rule);
    const source = fixtures.map((fixture) => fixture.text).join('\n');
    for (const name of ['chrome.', 'fetch(', 'setTimeout(', 'setInterval(', 'crypto.', 'performance.', 'Date.now()', 'AbortSignal.timeout(', 'Math.random()', 'globalThis.fetch', 'new Date()', 'JSON.parse(']) {
      expect(source, name).toContain(name);
    }
  });
});
