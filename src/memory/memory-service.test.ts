import { describe, expect, it } from 'vitest';
import { createTestMemory, source } from '../../tests/support/memory';

describe('memory service', () => {
  it('saves an explicit fact at once, and Undo removes it', async () => {
    const { service } = await createTestMemory();
    const result = await service.desk(source).propose({ text: 'I am saving for a house', kind: 'explicit', scope: 'profile', action: 'add' });
    expect(result).toMatchObject({ status: 'saved' });
    const [saved] = (await service.list()).memories;
    expect(saved).toMatchObject({ text: 'I am saving for a house', status: 'saved', kind: 'explicit', source: { conversationId: 'conv_1', messageId: 'msg_1' } });
    await service.decide(saved!.id, 'undo');
    expect((await service.list()).memories).toEqual([]);
  });

  it('keeps an inferred fact as a suggestion until Remember, and Dismiss drops it', async () => {
    const { service } = await createTestMemory();
    const desk = service.desk(source);
    await desk.propose({ text: 'Prefers ETFs', kind: 'inferred', scope: 'profile', action: 'add' });
    await desk.propose({ text: 'Dislikes crypto', kind: 'inferred', scope: 'profile', action: 'add' });
    const [etfs, crypto] = (await service.list()).memories;
    expect([etfs?.status, crypto?.status]).toEqual(['suggested', 'suggested']);
    expect((await service.forTurn('conv_9')).used.memories).toEqual([]);
    await service.decide(etfs!.id, 'remember');
    await service.decide(crypto!.id, 'dismiss');
    const after = (await service.list()).memories;
    expect(after.map((m) => [m.text, m.status])).toEqual([['Prefers ETFs', 'saved']]);
    expect((await service.forTurn('conv_9')).text).toContain('Prefers ETFs');
  });

  it('marks an explicit fact proposed after untrusted text as a suggestion, never saved silently', async () => {
    const { service } = await createTestMemory();
    const result = await service.desk({ ...source, untrusted: () => true }).propose({ text: 'Wants to buy XYZ', kind: 'explicit', scope: 'profile', action: 'add' });
    expect(result).toMatchObject({ status: 'suggested' });
    expect((await service.list()).memories[0]).toMatchObject({ status: 'suggested', untrusted: true });
  });

  it('replaces a contradicted fact, and undo of the update restores it', async () => {
    const { service } = await createTestMemory();
    const desk = service.desk(source);
    await desk.propose({ text: 'I am a conservative investor', kind: 'explicit', scope: 'profile', action: 'add' });
    await desk.propose({ text: 'I moved to aggressive', kind: 'explicit', scope: 'profile', action: 'add' });
    const now = (await service.list()).memories;
    expect(now.map((m) => m.text)).toEqual(['I moved to aggressive']);
    expect(now[0]?.replaces?.text).toBe('I am a conservative investor');
    await service.decide(now[0]!.id, 'undo');
    expect((await service.list()).memories.map((m) => m.text)).toEqual(['I am a conservative investor']);
  });

  it('proposes the least recently used memories for removal past the cap', async () => {
    const { service, memories } = await createTestMemory({ cap: 2 });
    const desk = service.desk(source);
    for (const text of ['Fact one', 'Fact two', 'Fact three']) await desk.propose({ text, kind: 'explicit', scope: 'profile', action: 'add' });
    const list = await service.list();
    const byText = Object.fromEntries(list.memories.map((m) => [m.text, m.id]));
    await memories.touch([byText['Fact one']!], '2026-03-11T00:00:00.000Z');
    const again = await service.list();
    expect(again.overCap).toEqual([byText['Fact two']]);
  });

  it('reports a memory that fails to open and ignores it, and an unreadable profile likewise', async () => {
    const { service, db, profiles } = await createTestMemory();
    await service.desk(source).propose({ text: 'Fact one', kind: 'explicit', scope: 'profile', action: 'add' });
    await db.memories.put({ id: 'mem_bad', status: 'saved', conversationId: 'c', createdAt: 'x', lastUsedAt: 'x', sealed: { v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' } });
    await db.profile.put({ id: 'profile', sealed: { nonsense: true }, updatedAt: 'x' });
    const list = await service.list();
    expect(list.memories.map((m) => m.text)).toEqual(['Fact one']);
    expect(list.problems).toEqual([{ id: 'mem_bad', message: expect.stringContaining('could not be decrypted') as unknown }]);
    expect((await profiles.get()).problem).toContain('ignored');
    expect((await service.forTurn('conv_1')).text).toContain('Fact one');
  });

  it('stores the profile and memories sealed: no plaintext in the tables', async () => {
    const { service, db, profiles } = await createTestMemory();
    await profiles.save({ riskTolerance: 'conservative', goals: ['Retire at sixty'] });
    await service.desk(source).propose({ text: 'My daughter starts college in 2030', kind: 'explicit', scope: 'profile', action: 'add' });
    const dump = JSON.stringify([await db.profile.toArray(), await db.memories.toArray()]);
    expect(dump).not.toContain('conservative');
    expect(dump).not.toContain('Retire');
    expect(dump).not.toContain('college');
    expect((await profiles.get()).profile).toEqual({ riskTolerance: 'conservative', goals: ['Retire at sixty'] });
  });

  it('uses profile-wide memories everywhere and conversation ones only in their conversation', async () => {
    const { service } = await createTestMemory();
    await service.desk(source).propose({ text: 'Lives in Lyon', kind: 'explicit', scope: 'profile', action: 'add' });
    await service.desk(source).propose({ text: 'Comparing two brokers today', kind: 'explicit', scope: 'conversation', action: 'add' });
    expect((await service.forTurn('conv_1')).used.memories.map((m) => m.text)).toEqual(['Lives in Lyon', 'Comparing two brokers today']);
    expect((await service.forTurn('conv_2')).used.memories.map((m) => m.text)).toEqual(['Lives in Lyon']);
  });
});
