import { describe, expect, it } from 'vitest';
import { orderKeyDecision, panelCommand } from './panel-shortcuts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('panel shortcuts', () => {
  it('Alt+M, Alt+N and Alt+/ are the panel commands; plain keys never are', () => {
    expect(panelCommand(key('m', { altKey: true }))).toBe('focus-message');
    expect(panelCommand(key('n', { altKey: true }))).toBe('new-chat');
    expect(panelCommand(key('/', { altKey: true }))).toBe('shortcuts');
    for (const k of ['m', 'n', '/', '?', 'Enter']) expect(panelCommand(key(k))).toBeNull();
    expect(panelCommand(key('n', { altKey: true, ctrlKey: true }))).toBeNull();
  });

  it('only Alt+Enter or Alt+Backspace ask for an order decision, and only ask', () => {
    expect(orderKeyDecision(key('Enter', { altKey: true }))).toBe('confirm');
    expect(orderKeyDecision(key('Backspace', { altKey: true }))).toBe('reject');
    for (const k of ['Enter', 'Backspace', ' ', 'y', 'Delete']) expect(orderKeyDecision(key(k))).toBeNull();
    expect(orderKeyDecision(key('Enter', { altKey: true, shiftKey: true }))).toBeNull();
  });
});
