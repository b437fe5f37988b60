import { describe, expect, it } from 'vitest';
import type { MemoryView } from '../protocol/memory';
import { reconcile } from './reconcile';

const memory = (id: string, text: string): MemoryView => ({
  id,
  text,
  kind: 'explicit',
  scope: 'profile',
  status: 'saved',
  source: { conversationId: 'c1', messageId: 'm1' },
  createdAt: '2026-03-01T00:00:00.000Z',
  lastUsedAt: '2026-03-01T00:00:00.000Z',
  untrusted: false,
  replaces: null,
});

const saved = [memory('mem_risk', 'I am a conservative investor'), memory('mem_kids', 'I have two children'), memory('mem_long', 'My horizon is long-term')];

describe('reconcile', () => {
  it.each([
    ['a new fact is added', 'I prefer ETFs over single stocks', 'add', undefined, 'add', null],
    ['the same fact again changes nothing', 'I have two children.', 'add', undefined, 'none', 'mem_kids'],
    ['a new risk tolerance replaces the old one, even when the model asked to add', 'I moved to aggressive investing', 'add', undefined, 'update', 'mem_risk'],
    ['a short horizon replaces a long one', 'I need the money short-term', 'add', undefined, 'update', 'mem_long'],
    ['the model can update a named memory', 'I have three children', 'update', 'mem_kids', 'update', 'mem_kids'],
    ['the model can delete a named memory', 'forget my children', 'delete', 'mem_kids', 'delete', 'mem_kids'],
    ['a delete naming no saved memory does nothing', 'forget that', 'delete', 'mem_nope', 'none', null],
    ['an update naming no saved memory falls back to adding', 'I live in Lyon', 'update', 'mem_nope', 'add', null],
    ['the model asking for nothing is nothing', 'hello', 'none', undefined, 'none', null],
    ['a statement naming two risk levels is not read as a change', 'I am between conservative and aggressive', 'add', undefined, 'add', null],
  ] as const)('%s', (_name, text, requested, memoryId, action, target) => {
    const result = reconcile({ text, requested, memoryId }, saved);
    expect(result.action).toBe(action);
    expect(result.target?.id ?? null).toBe(target);
  });
});
