import type { MemoryView } from '../protocol/memory';

import type { ReconcileAction } from '../protocol/memory';

export type { ReconcileAction } from '../protocol/memory';

export interface ReconcileInput {
  text: string;
  /** What the model asked for, and the memory it named (checked here, never trusted blindly). */
  requested: ReconcileAction;
  memoryId?: string | undefined;
}

export interface Reconciliation {
  action: ReconcileAction;
  /** The existing memory updated, deleted or already saying the same. */
  target: MemoryView | null;
  why: string;
}

const normalise = (text: string) =>
  text.toLowerCase().replace(/\.(?!\d)/g, ' ').replace(/[^\p{L}\p{N}%$.]+/gu, ' ').replace(/\s+/g, ' ').trim();

/**
 * Facts with one value at a time: a new statement naming another value of the same topic replaces the old one
 * ("I moved to aggressive" replaces "I am conservative"), whatever the model asked.
 */
const exclusiveTopics: { topic: string; values: RegExp[] }[] = [
  { topic: 'risk tolerance', values: [/\b(conservative|cautious|low[- ]risk|risk[- ]averse)\b/i, /\b(moderate|balanced|medium[- ]risk)\b/i, /\b(aggressive|high[- ]risk|risk[- ]seeking)\b/i] },
  { topic: 'horizon', values: [/\b(short[- ]term|under 3 years|less than 3 years|within (a|one|two|1|2) years?)\b/i, /\b(medium[- ]term|3[- ]to[- ]10 years|5 years|five years)\b/i, /\b(long[- ]term|over 10 years|more than 10 years|decades|retirement in (20|30|25))\b/i] },
  { topic: 'experience', values: [/\b(beginner|new to investing|first time investor|novice)\b/i, /\b(some experience|intermediate)\b/i, /\b(experienced|expert|professional trader)\b/i] },
];

function topicValue(text: string, values: RegExp[]): number {
  const found = values.map((pattern, index) => (pattern.test(text) ? index : -1)).filter((index) => index >= 0);
  return found.length === 1 ? (found[0] ?? -1) : -1;
}

/** Decides what a proposed memory does to the saved ones: add it, update or delete one, or nothing. Pure. */
export function reconcile(input: ReconcileInput, saved: readonly MemoryView[]): Reconciliation {
  const text = normalise(input.text);
  const duplicate = saved.find((memory) => normalise(memory.text) === text);
  if (duplicate && input.requested !== 'delete') return { action: 'none', target: duplicate, why: 'already remembered' };

  const named = input.memoryId ? saved.find((memory) => memory.id === input.memoryId) ?? null : null;
  if ((input.requested === 'update' || input.requested === 'delete') && named) {
    return { action: input.requested, target: named, why: `the model asked to ${input.requested} ${named.id}` };
  }
  if (input.requested === 'delete' || input.requested === 'none') {
    return { action: 'none', target: null, why: input.requested === 'delete' ? 'no such memory to delete' : 'the model asked for nothing' };
  }

  for (const { topic, values } of exclusiveTopics) {
    const value = topicValue(input.text, values);
    if (value < 0) continue;
    const conflicting = saved.find((memory) => {
      const other = topicValue(memory.text, values);
      return other >= 0 && other !== value;
    });
    if (conflicting) return { action: 'update', target: conflicting, why: `replaces an earlier ${topic}` };
  }
  return { action: 'add', target: null, why: 'a new fact' };
}
