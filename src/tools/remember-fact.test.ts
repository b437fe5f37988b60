import { afterEach, describe, expect, it } from 'vitest';
import { rememberFact } from './remember-fact';
import { closeHarnesses, runTool, startHarness } from '../../tests/support/tool-harness';
import { createTestMemory, source } from '../../tests/support/memory';

afterEach(closeHarnesses);

describe('remember_fact', () => {
  it('passes the proposal to the memory desk, which saves an explicit fact', async () => {
    const { context } = await startHarness();
    const { service } = await createTestMemory();
    const result = await runTool(rememberFact, { fact: 'Prefers dividend stocks', kind: 'explicit' }, { ...context, memory: service.desk(source) });
    expect(result).toMatchObject({ status: 'saved' });
    expect((await service.list()).memories.map((m) => [m.text, m.scope])).toEqual([['Prefers dividend stocks', 'profile']]);
  });

  it('refuses without a memory desk (an incognito chat), writing nothing', async () => {
    const { context } = await startHarness();
    await expect(runTool(rememberFact, { fact: 'Prefers dividend stocks', kind: 'explicit' }, context)).rejects.toMatchObject({ code: 'memory-off' });
  });

  it('rejects an empty fact before it reaches the desk', async () => {
    const { context } = await startHarness();
    const { service } = await createTestMemory();
    await expect(runTool(rememberFact, { fact: ' ', kind: 'explicit' }, { ...context, memory: service.desk(source) })).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await service.list()).memories).toEqual([]);
  });
});
