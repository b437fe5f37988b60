import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { safeParseJson } from '../../../src/protocol/json';
import { echoReply } from './default-script';
import { deliver, sendJson, type Deliverable } from './deliver';
import { errorBody } from './error-body';
import { newId } from './ids';
import { knownModels, modelInfo } from './models';
import { PromptCache } from './prompt-cache';
import { seededRandom, type Random } from './random';
import { checkAccess, checkMessagesBody } from './request-gate';
import type { MessagesRequest } from './request-schema';
import { corsHeaders, standardHeaders } from './response-headers';
import type { Fault, Latency, RecordedRequest, Reply, Script } from './types';

const messagesPath = '/v1/messages';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function recordHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The state of one simulator and how it answers each HTTP request. */
export class MessagesHandler {
  readonly requests: RecordedRequest[] = [];
  readonly scriptErrors: Error[] = [];
  readonly faults: Fault[] = [];
  readonly cache: PromptCache;
  readonly random: Random;
  readonly aborter = new AbortController();
  script: Script;
  call = 0;
  models: string[] = [...knownModels];

  constructor(
    public apiKey: string,
    private readonly initialScript: Script,
    seed: number,
    cacheMinimumTokens: number,
  ) {
    this.script = initialScript;
    this.cache = new PromptCache(cacheMinimumTokens);
    this.random = seededRandom(seed);
  }

  reset(): void {
    this.requests.length = 0;
    this.scriptErrors.length = 0;
    this.faults.length = 0;
    this.cache.clear();
    this.script = this.initialScript;
    this.call = 0;
  }

  async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = newId.request();
    const text = await readBody(incoming);
    const path = new URL(incoming.url ?? '/', 'http://simulator').pathname;
    const method = incoming.method ?? 'GET';
    const json = text === '' ? undefined : safeParseJson(z.unknown(), text);
    this.requests.push({
      method,
      path,
      headers: recordHeaders(incoming),
      body: json?.ok === true ? json.value : undefined,
      time: Date.now(),
    });
    const headers = { ...standardHeaders(requestId, this.requests.length, new Date()), ...corsHeaders(incoming.headers) };
    const fail = (status: number, errorType: string, message: string): void => {
      sendJson(response, status, headers, errorBody(errorType, message, requestId));
    };

    if (method === 'OPTIONS') {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
    if (method === 'GET' && modelMatch?.[1] !== undefined) {
      const rejection = checkAccess(incoming.headers, this.apiKey);
      if (rejection !== null) {
        fail(rejection.status, rejection.errorType, rejection.message);
        return;
      }
      const id = decodeURIComponent(modelMatch[1]);
      if (this.models.includes(id)) sendJson(response, 200, headers, modelInfo(id));
      else fail(404, 'not_found_error', `model: ${id}`);
      return;
    }
    if (method !== 'POST' || path !== messagesPath) {
      fail(404, 'not_found_error', `${method} ${path} is not simulated`);
      return;
    }
    const rejection = checkAccess(incoming.headers, this.apiKey);
    if (rejection !== null) {
      fail(rejection.status, rejection.errorType, rejection.message);
      return;
    }
    const body = checkMessagesBody(text);
    if (!body.ok) {
      fail(body.status, body.errorType, body.message);
      return;
    }
    const resolved = await this.resolve(body.request, this.faults.shift());
    if (resolved === null) {
      const last = this.scriptErrors.at(-1);
      const body = errorBody('api_error', `Simulator script failed: ${last?.message ?? 'unknown'}`, requestId);
      sendJson(response, 500, { ...headers, 'x-should-retry': 'false' }, body);
      return;
    }
    await deliver(
      {
        response,
        request: body.request,
        requestId,
        headers,
        cache: this.cache,
        random: this.random,
        signal: this.aborter.signal,
        latency: resolved.latency,
        fallback: echoReply(body.request),
      },
      resolved.reply,
    );
  }

  private async runScript(request: MessagesRequest): Promise<Reply | null> {
    const call = this.call;
    this.call += 1;
    try {
      return await this.script(request, { call });
    } catch (error) {
      this.scriptErrors.push(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
  }

  /** Unwraps latency wrappers (queued or scripted) into one delay plus the reply to deliver; null if the script threw. */
  private async resolve(
    request: MessagesRequest,
    queued: Fault | undefined,
  ): Promise<{ reply: Deliverable; latency: Latency } | null> {
    let latency: Latency = {};
    let reply: Reply | null | undefined = queued;
    if (reply?.kind === 'latency') {
      latency = delaysOf(reply);
      reply = reply.reply;
    }
    reply ??= await this.runScript(request);
    if (reply === null) return null;
    if (reply.kind === 'latency') {
      latency = { ...latency, ...delaysOf(reply) };
      reply = reply.reply ?? echoReply(request);
    }
    if (reply.kind === 'message' && reply.latency) latency = { ...latency, ...delaysOf(reply.latency) };
    return { reply, latency };
  }
}

function delaysOf(latency: Latency): Latency {
  const result: Latency = {};
  if (latency.firstByteMs !== undefined) result.firstByteMs = latency.firstByteMs;
  if (latency.perChunkMs !== undefined) result.perChunkMs = latency.perChunkMs;
  return result;
}
