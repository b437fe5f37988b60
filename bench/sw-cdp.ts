/**
 * A CDP session on the extension's service worker, from a page of the persistent context (Playwright has no CDP session
 * for workers): `Target.attachToTarget` without flattening, commands relayed with `Target.sendMessageToTarget`.
 * Used to profile the worker, read its heap and evaluate in it.
 */
import type { CDPSession, Page } from '@playwright/test';
import { z } from 'zod';
import type { BenchBrowser } from './browser';
import { parseJson } from '../src/protocol/json';

const cdpReply = z.object({ id: z.number().optional(), result: z.unknown().optional(), error: z.object({ message: z.string() }).optional() });

export interface WorkerSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function attachServiceWorker(browser: BenchBrowser, page?: Page): Promise<WorkerSession> {
  const host = page ?? (await browser.openPage('sidepanel.html'));
  const cdp: CDPSession = await browser.context.newCDPSession(host);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = (targetInfos as TargetInfo[]).find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('The extension has no running service worker to attach to');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = parseJson(cdpReply, event.message);
    if (message.id === undefined) return;
    const entry = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) entry?.reject(new Error(message.error.message));
    else entry?.resolve(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      next += 1;
      const id = next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function of a CPU profile (ms), the heaviest first, with the script's file name. */
export function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top = 15): { name: string; ms: number }[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((node, i) => byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (us === 0) continue;
    const file = node.callFrame.url.split('/').pop() ?? '';
    const name = `${node.callFrame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + us / 1000);
  }
  return [...byName.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, top);
}
