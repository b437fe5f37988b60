import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrateRunState } from './run-state-migrations';
import { RUN_STATE_VERSION } from './run-state';
import { nextAgent } from './run-loop';

/** Saved run states of every version, as old workers wrote them; each must load (or be refused with a reason). */
const directory = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/run-state');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(directory, name), 'utf8')) as unknown; // eslint-disable-line no-restricted-syntax -- a checked-in fixture, parsed by the code under test
const files = readdirSync(directory).filter((file) => file.endsWith('.json')).sort();

describe('run-state migrations', () => {
  it('has a corpus with samples of every older version', () => {
    for (let version = 1; version <= RUN_STATE_VERSION; version += 1) expect(files.some((file) => file.startsWith(`v${String(version)}-`)), `v${String(version)}`).toBe(true);
  });

  it.each(files.filter((file) => file.startsWith('v')))('loads %s as the current version', (file) => {
    const state = migrateRunState(fixture(file));
    expect(state.version).toBe(RUN_STATE_VERSION);
  });

  it.each(files.filter((file) => file.startsWith('unreadable-')))('refuses %s with a readable reason', (file) => {
    expect(() => migrateRunState(fixture(file))).toThrow(/A saved run could not be read \(.+\)/);
  });

  it('gives a v1 run saved before fallbacks existed empty fallback lists, keeping its results and route', () => {
    const state = migrateRunState(fixture('v1-before-fallbacks.json'));
    expect(state).toMatchObject({ fallbacks: [], modelFallbacks: [], failedModels: [], answeredBy: null, route: ['financial_analyst'] });
    expect(Object.keys(state.toolResults)).toEqual(['toolu_01']);
  });

  it('moves a v1 model fallback out of the agents’ fallbacks, so it no longer decides who answers', () => {
    const state = migrateRunState(fixture('v1-model-fallback.json'));
    expect(state.fallbacks).toEqual([]);
    expect(state.modelFallbacks).toEqual([{ model: 'claude-sonnet-5', to: '', agent: 'supervisor', reason: 'Anthropic is overloaded right now.' }]);
    expect(state.failedModels).toEqual(['claude-sonnet-5']);
  });

  it('keeps a v1 agent fallback beside a model fallback, and the agent fallback still routes', () => {
    const state = migrateRunState(fixture('v1-agent-and-model-fallback.json'));
    expect(state.fallbacks).toEqual([{ from: 'portfolio_manager', to: 'financial_analyst', reason: 'Alpaca is having trouble (HTTP 500).' }]);
    expect(state.modelFallbacks).toHaveLength(1);
    expect(nextAgent(state)).toBe('financial_analyst');
    expect(state.pageText).toBe('Apple (AAPL) shares rose 3% today.');
  });

  it.each([
    ['null', null],
    ['a string', 'run'],
    ['no version', { userMessageId: 'u' }],
    ['version 0', { version: 0 }],
  ])('refuses %s', (_name, value) => {
    expect(() => migrateRunState(value)).toThrow(/A saved run could not be read/);
  });
});
