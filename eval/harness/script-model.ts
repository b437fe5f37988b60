import Decimal from 'decimal.js';
import { z } from 'zod';
import { safeParseJson } from '../../src/protocol/json';
import { message, text, toolUse, type MessagesRequest, type Script } from '../../tests/simulators/anthropic';
import type { ScriptStep } from '../dataset/schema';

/** Tool results in a request, by tool name, in the order the tools were called. */
export function toolResultsByName(request: MessagesRequest): Map<string, unknown[]> {
  const names = new Map<string, string>();
  const byName = new Map<string, unknown[]>();
  for (const item of request.messages) {
    if (typeof item.content === 'string') continue;
    for (const block of item.content) {
      if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') names.set(block.id, block.name);
      if (block.type === 'tool_result' && typeof block.tool_use_id === 'string') {
        const name = names.get(block.tool_use_id) ?? '?';
        const raw = typeof block.content === 'string' ? block.content : JSON.stringify(block.content ?? '');
        const parsed = safeParseJson(z.unknown(), raw);
        byName.set(name, [...(byName.get(name) ?? []), parsed.ok ? parsed.value : raw]);
      }
    }
  }
  return byName;
}

/** `get_quote.price`, `get_quote#1.price` (the second get_quote call), `get_rebalance_plan.actions.0.amount`. */
export function resolvePath(results: Map<string, unknown[]>, path: string): string | undefined {
  const [head = '', ...rest] = path.split('.');
  const [name = '', index = '0'] = head.split('#');
  let value: unknown = results.get(name)?.[Number(index)];
  for (const key of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Fills `{{path}}` and `{{minus a b}}` (a − b, exact decimals) from the tool results; unknown paths are reported. */
export function fillTemplate(template: string, results: Map<string, unknown[]>, errors: string[]): string {
  return template.replace(PLACEHOLDER, (_whole, expression: string) => {
    const parts = expression.split(/\s+/);
    if (parts[0] === 'minus' && parts.length === 3) {
      const a = resolvePath(results, parts[1] ?? '');
      const b = resolvePath(results, parts[2] ?? '');
      if (a === undefined || b === undefined) {
        errors.push(`template: cannot compute ${expression}`);
        return '«missing»';
      }
      return new Decimal(a).minus(b).toFixed(2);
    }
    const value = resolvePath(results, expression);
    if (value === undefined) {
      errors.push(`template: no value at ${expression}`);
      return '«missing»';
    }
    return value;
  });
}

/**
 * The Anthropic simulator's script for one case: call n of the turn answers with step n (tool calls, or text filled
 * from the tool results it received). Running out of steps is a harness error, answered with a marker text.
 */
export function scriptForCase(steps: readonly ScriptStep[], errors: string[]): Script {
  return (request, { call }) => {
    const step = steps[call];
    if (!step) {
      errors.push(`script: no step for model call ${call + 1} (the case has ${steps.length})`);
      return message(text('[script exhausted]'));
    }
    if ('tools' in step) return message(...step.tools.map((tool) => toolUse(tool.name, tool.input)));
    return message(text(fillTemplate(step.text, toolResultsByName(request), errors)));
  };
}

/**
 * One script for several cases at once (the extension runs them one after another against one model): each request
 * is answered by the script of the case whose last user turn it carries, counting that case's calls on its own.
 */
export function scriptForCases(cases: readonly { id: string; conversation: readonly { role: string; text: string }[]; script: readonly ScriptStep[] }[], errors: string[]): Script {
  const calls = new Map<string, number>();
  const scripts = new Map(cases.map((item) => [item.id, scriptForCase(item.script, errors)]));
  return (request, context) => {
    const asked = JSON.stringify(request.messages);
    const item = cases.find((c) => asked.includes(JSON.stringify(c.conversation.at(-1)?.text ?? '\u0000').slice(1, -1)));
    const script = item ? scripts.get(item.id) : undefined;
    if (!item || !script) {
      errors.push('script: a request that belongs to none of the cases');
      return message(text('[no case]'));
    }
    const call = calls.get(item.id) ?? 0;
    calls.set(item.id, call + 1);
    return script(request, { ...context, call });
  };
}
