import Anthropic, {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  OverloadedError,
} from '@anthropic-ai/sdk';
import type { MessageParam, TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json';
import {
  message,
  sequence,
  startAnthropicSimulator,
  text,
  toolUse,
  webSearch,
  type AnthropicSimulator,
  type MessagesRequest,
} from './anthropic';

const model = 'claude-sonnet-5';
const apiKey = 'sk-ant-test';
const hello: MessageParam[] = [{ role: 'user', content: 'What is AAPL trading at?' }];

let sim: AnthropicSimulator;

beforeEach(async () => {
  sim = await startAnthropicSimulator();
});

afterEach(async () => {
  await sim.close();
});

function client(maxRetries = 0, key = apiKey): Anthropic {
  return new Anthropic({ apiKey: key, baseURL: sim.url, maxRetries });
}

const sseFrameSchema = z.object({ type: z.string() }).loose();

/** Posts a raw request (no SDK) and splits an SSE body into frames, checking the framing as it goes. */
async function rawStream(body: Record<string, unknown>): Promise<{ event: string; data: z.infer<typeof sseFrameSchema> }[]> {
  const response = await fetch(`${sim.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const raw = await response.text();
  expect(raw.endsWith('\n\n')).toBe(true);
  return raw
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      const match = /^event: ([a-z_]+)\ndata: (.+)$/.exec(frame);
      if (match === null) throw new Error(`bad SSE frame: ${JSON.stringify(frame)}`);
      return { event: match[1]!, data: parseJson(sseFrameSchema, match[2]!) };
    });
}

describe('Anthropic simulator: streaming', () => {
  it('streams a text answer in several text_delta chunks that the SDK reassembles', async () => {
    const answer = 'Apple closed at 189.20 USD today, up 1.3% on the session.';
    sim.setScript(() => message(text(answer)));
    const stream = client().messages.stream({ model, max_tokens: 256, messages: hello });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const final = await stream.finalMessage();

    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe(answer);
    expect(final.content).toEqual([{ type: 'text', text: answer }]);
    expect(final.id).toMatch(/^msg_01\w{22}$/);
    expect(final.model).toBe(model);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBeGreaterThan(1);
    expect(final.usage.input_tokens).toBeGreaterThan(0);
  });

  it('frames events exactly and orders them message_start, ping, blocks, message_delta with usage, message_stop', async () => {
    sim.setScript(() => message(text('Checking the quote.'), toolUse('get_quote', { symbol: 'AAPL' })));
    const frames = await rawStream({ model, max_tokens: 256, messages: hello });
    const names = frames.map((frame) => frame.event);

    for (const frame of frames) expect(frame.data.type).toBe(frame.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'ping', 'content_block_start']);
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const blockEvents = names.slice(2, -2).filter((name) => name !== 'content_block_delta');
    expect(blockEvents).toEqual(['content_block_start', 'content_block_stop', 'content_block_start', 'content_block_stop']);
    const messageDelta = frames.at(-2)!.data;
    const usageSchema = z.object({ input_tokens: z.number(), output_tokens: z.number(), cache_read_input_tokens: z.number() });
    const finalUsage = usageSchema.parse(messageDelta.usage);
    const startUsage = usageSchema.parse(z.object({ usage: z.unknown() }).parse(frames[0]!.data.message).usage);
    expect(finalUsage.input_tokens).toBe(startUsage.input_tokens);
    expect(finalUsage.output_tokens).toBeGreaterThan(startUsage.output_tokens);
    expect(messageDelta.delta).toMatchObject({ stop_reason: 'tool_use', stop_sequence: null });
    const toolStart = frames.find((frame) => frame.event === 'content_block_start' && frame.data.index === 1)!;
    expect(toolStart.data.content_block).toMatchObject({ type: 'tool_use', name: 'get_quote', input: {} });
  });

  it('streams tool_use input as input_json_delta pieces that reassemble to the exact object', async () => {
    const input = { symbol: 'AAPL', range: { from: '2026-01-02', to: '2026-06-30' }, fields: ['open', 'close'], limit: 30 };
    sim.setScript(() => message(text('Let me check.'), toolUse('get_bars', input, 'toolu_01fixed')));
    const stream = client().messages.stream({ model, max_tokens: 256, messages: hello });
    const pieces: string[] = [];
    stream.on('inputJson', (piece) => pieces.push(piece));
    const final = await stream.finalMessage();

    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces[0]).toBe('');
    expect(pieces.join('')).toBe(JSON.stringify(input));
    expect(final.stop_reason).toBe('tool_use');
    expect(final.content[1]).toMatchObject({ type: 'tool_use', id: 'toolu_01fixed', name: 'get_bars' });
    expect(final.content[1]?.type === 'tool_use' && final.content[1].input).toEqual(input);
  });

  it('sends scripted partial_json pieces verbatim and generates toolu_ ids when none is given', async () => {
    sim.setScript(() =>
      message({ type: 'tool_use', name: 'get_quote', input: { symbol: 'MSFT' }, partialJson: ['{"sym', 'bol": ', '"MSFT"}'] }),
    );
    const stream = client().messages.stream({ model, max_tokens: 256, messages: hello });
    const pieces: string[] = [];
    stream.on('inputJson', (piece) => pieces.push(piece));
    const final = await stream.finalMessage();

    expect(pieces).toEqual(['{"sym', 'bol": ', '"MSFT"}']);
    expect(final.content[0]).toMatchObject({ type: 'tool_use', input: { symbol: 'MSFT' } });
    expect(final.content[0]?.type === 'tool_use' && final.content[0].id).toMatch(/^toolu_01\w{22}$/);
  });

  it('reports the stream-error fault as an error event the SDK throws, after the first events arrived', async () => {
    sim.enqueueFault({ kind: 'stream-error', afterEvents: 4, errorType: 'overloaded_error' });
    const stream = client().messages.stream({ model, max_tokens: 256, messages: hello });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const error: unknown = await stream.finalMessage().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).type).toBe('overloaded_error');
    expect(deltas.length).toBe(1);
    expect(sim.requests).toHaveLength(1);
  });

  it('drops the connection before any byte, which the SDK reports as a connection error', async () => {
    sim.enqueueFault({ kind: 'drop', afterEvents: 0 });
    const error: unknown = await client()
      .messages.stream({ model, max_tokens: 256, messages: hello })
      .finalMessage()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(APIConnectionError);
    expect(sim.requests).toHaveLength(1);
  });

  it('drops the connection mid-stream, which fails the stream after some text arrived', async () => {
    sim.enqueueFault({ kind: 'drop', afterEvents: 5, message: message(text('This answer will be cut off halfway.')) });
    const stream = client().messages.stream({ model, max_tokens: 256, messages: hello });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const error: unknown = await stream.finalMessage().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/terminated/);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('')).not.toBe('This answer will be cut off halfway.');
  });

  it('streams a web search with its result block and cited text', async () => {
    sim.setScript(() =>
      message(
        webSearch('AAPL earnings date', [{ url: 'https://example.com/aapl', title: 'Apple earnings', pageAge: '2 days ago' }]),
        text('Apple reports on 30 July.', [
          { url: 'https://example.com/aapl', title: 'Apple earnings', citedText: 'reports on July 30' },
        ]),
      ),
    );
    const final = await client().messages.stream({ model, max_tokens: 256, messages: hello }).finalMessage();
    const [use, result, cited] = final.content;

    expect(use).toMatchObject({ type: 'server_tool_use', name: 'web_search', input: { query: 'AAPL earnings date' } });
    expect(result).toMatchObject({ type: 'web_search_tool_result', content: [{ type: 'web_search_result', url: 'https://example.com/aapl' }] });
    expect(result?.type === 'web_search_tool_result' && use?.type === 'server_tool_use' && result.tool_use_id === use.id).toBe(true);
    expect(cited).toMatchObject({
      type: 'text',
      text: 'Apple reports on 30 July.',
      citations: [{ type: 'web_search_result_location', cited_text: 'reports on July 30' }],
    });
    expect(final.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
    expect(final.stop_reason).toBe('end_turn');
  });
});

describe('Anthropic simulator: non-streaming', () => {
  it('answers create() with the full Message object', async () => {
    sim.setScript(() => message(text('Here you go.'), toolUse('get_quote', { symbol: 'AAPL' })));
    const reply = await client().messages.create({ model, max_tokens: 256, messages: hello });

    expect(reply).toMatchObject({
      type: 'message',
      role: 'assistant',
      model,
      stop_reason: 'tool_use',
      stop_sequence: null,
      content: [
        { type: 'text', text: 'Here you go.', citations: null },
        { type: 'tool_use', name: 'get_quote', input: { symbol: 'AAPL' } },
      ],
    });
    expect(reply.usage).toMatchObject({
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    });
    expect(sim.requests[0]?.body).toMatchObject({ model, max_tokens: 256 });
  });

  it('uses the scripted stop reason and usage overrides', async () => {
    sim.setScript(() => ({
      ...message(text('Truncated')),
      stopReason: 'max_tokens',
      usage: { inputTokens: 1234, outputTokens: 5, cacheReadInputTokens: 7 },
    }));
    const reply = await client().messages.create({ model, max_tokens: 5, messages: hello });

    expect(reply.stop_reason).toBe('max_tokens');
    expect(reply.usage).toMatchObject({ input_tokens: 1234, output_tokens: 5, cache_read_input_tokens: 7 });
  });

  it('echoes the last user message when no script is set', async () => {
    const reply = await client().messages.create({ model, max_tokens: 64, messages: hello });
    const [block] = reply.content;
    expect(block?.type === 'text' && block.text).toContain('What is AAPL trading at?');
  });
});

describe('Anthropic simulator: access', () => {
  it('rejects a wrong key with 401 authentication_error', async () => {
    const error: unknown = await client(0, 'sk-ant-wrong')
      .messages.create({ model, max_tokens: 64, messages: hello })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).type).toBe('authentication_error');
    expect((error as AuthenticationError).requestID).toMatch(/^req_011/);
  });

  it('accepts the key as x-api-key as well as Authorization: Bearer, and follows setApiKey', async () => {
    sim.setApiKey('sk-ant-other');
    await client(0, 'sk-ant-other').messages.create({ model, max_tokens: 64, messages: hello });
    const body = JSON.stringify({ model, max_tokens: 64, messages: hello });
    const withHeader = await fetch(`${sim.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'sk-ant-other', 'content-type': 'application/json' },
      body,
    });
    const oldKey = await fetch(`${sim.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body,
    });

    expect(sim.requests[0]?.headers.authorization).toBe('Bearer sk-ant-other');
    expect(withHeader.status).toBe(200);
    expect(oldKey.status).toBe(401);
  });

  it('answers a chrome-extension request without the direct-browser-access header with the CORS 401', async () => {
    const send = (extra: Record<string, string>): Promise<Response> =>
      fetch(`${sim.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json', origin: 'chrome-extension://abcdef', ...extra },
        body: JSON.stringify({ model, max_tokens: 64, messages: hello }),
      });
    const refused = await send({});
    const allowed = await send({ 'anthropic-dangerous-direct-browser-access': 'true' });
    const refusedBody = parseJson(
      z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string() }), request_id: z.string() }),
      await refused.text(),
    );

    expect(refused.status).toBe(401);
    expect(refusedBody.error).toEqual({
      type: 'authentication_error',
      message: "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
    });
    expect(refusedBody.request_id).toBe(refused.headers.get('request-id'));
    expect(allowed.status).toBe(200);
  });

  it('answers preflights permissively and puts request-id and rate-limit headers on every response', async () => {
    const preflight = await fetch(`${sim.url}/v1/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdef',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,anthropic-version',
      },
    });
    const notFound = await fetch(`${sim.url}/v1/complete`, { method: 'POST' });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    for (const response of [preflight, notFound]) {
      expect(response.headers.get('request-id')).toMatch(/^req_011/);
      expect(response.headers.get('anthropic-ratelimit-requests-limit')).toMatch(/^\d+$/);
      expect(response.headers.get('anthropic-ratelimit-tokens-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(notFound.status).toBe(404);
  });
});

describe('Anthropic simulator: HTTP faults and retries', () => {
  it('sends 429 with retry-after, which the SDK obeys when it may retry', async () => {
    sim.enqueueFault({ kind: 'status', status: 429, retryAfterSeconds: 1 });
    const reply = await client(1).messages.create({ model, max_tokens: 64, messages: hello });
    const [first, second] = sim.requests;

    expect(reply.type).toBe('message');
    expect(sim.requests).toHaveLength(2);
    expect(first?.headers['x-stainless-retry-count']).toBe('0');
    expect(second?.headers['x-stainless-retry-count']).toBe('1');
    // The SDK's own backoff would be 0.375-0.5 s; a gap near 1 s shows retry-after was sent and obeyed.
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(900);
  });

  it('sends 529 overloaded_error, surfaced as an InternalServerError (OverloadedError)', async () => {
    sim.enqueueFault({ kind: 'status', status: 529 });
    const error: unknown = await client()
      .messages.create({ model, max_tokens: 64, messages: hello })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as APIError).status).toBe(529);
    expect((error as APIError).type).toBe('overloaded_error');
  });

  it('honours shouldRetry: x-should-retry false stops a retry, true forces one on a 400', async () => {
    sim.enqueueFault({ kind: 'status', status: 500, shouldRetry: false });
    await expect(client(2).messages.create({ model, max_tokens: 64, messages: hello })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(sim.requests).toHaveLength(1);

    sim.reset();
    sim.enqueueFault({ kind: 'status', status: 400, shouldRetry: true, retryAfterSeconds: 0.01 });
    await client(1).messages.create({ model, max_tokens: 64, messages: hello });
    expect(sim.requests).toHaveLength(2);
  });

  it('delays the first byte by the scripted latency', async () => {
    sim.enqueueFault({ kind: 'latency', firstByteMs: 300 });
    const started = Date.now();
    await client().messages.create({ model, max_tokens: 64, messages: hello });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});

describe('Anthropic simulator: request validation', () => {
  const toolCall: MessageParam = {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_01abc', name: 'get_quote', input: { symbol: 'AAPL' } }],
  };

  it('rejects a tool_use that the next user message does not answer with a tool_result first', async () => {
    let scriptCalls = 0;
    sim.setScript(() => {
      scriptCalls += 1;
      return message(text('unreachable'));
    });
    const messages: MessageParam[] = [...hello, toolCall, { role: 'user', content: 'And MSFT?' }];
    const error: unknown = await client()
      .messages.create({ model, max_tokens: 64, messages })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).type).toBe('invalid_request_error');
    expect((error as BadRequestError).apiMessage).toBe(
      'messages.2: Did not find 1 tool_result block(s) at the beginning of this message. ' +
        'Messages following tool_use blocks must begin with a matching number of tool_result blocks.',
    );
    expect(scriptCalls).toBe(0);
  });

  it('accepts the same conversation once the tool_result leads the next user message', async () => {
    const messages: MessageParam[] = [
      ...hello,
      toolCall,
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_01abc', content: '189.20 USD' },
          { type: 'text', text: 'And MSFT?' },
        ],
      },
    ];
    const reply = await client().messages.create({ model, max_tokens: 64, messages });
    expect(reply.type).toBe('message');
  });

  it.each<[string, MessageParam[], RegExp]>([
    ['consecutive user turns', [...hello, { role: 'user', content: 'again' }], /roles must alternate/],
    ['an assistant first turn', [{ role: 'assistant', content: 'hi' }], /first message must use the "user" role/],
    ['a tool_result answering nothing', [...hello, { role: 'assistant', content: 'ok' }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01zzz', content: 'x' }] }], /messages\.2\.content\.0: unexpected `tool_use_id`/],
    ['a trailing unanswered tool_use', [...hello, toolCall], /messages\.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01abc/],
  ])('rejects %s with 400', async (_name, messages, pattern) => {
    const error: unknown = await client()
      .messages.create({ model, max_tokens: 64, messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).apiMessage).toMatch(pattern);
  });

  it('rejects a body with a missing field, a system role or an unknown parameter', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${sim.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const responses = await Promise.all([
      post({ model, messages: hello }),
      post({ model, max_tokens: 8, messages: [{ role: 'system', content: 'x' }] }),
      post({ model, max_tokens: 8, messages: hello, temprature: 1 }),
    ]);
    const messages = await Promise.all(responses.map((response) => response.text()));

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400]);
    expect(messages[0]).toContain('max_tokens: Field required');
    expect(messages[1]).toContain("messages.0.role: Input should be 'user' or 'assistant'");
    expect(messages[2]).toContain('temprature: Extra inputs are not permitted');
  });
});

describe('Anthropic simulator: prompt caching', () => {
  const system: TextBlockParam[] = [
    { type: 'text', text: `You are Clera, a careful financial assistant. ${'Rules. '.repeat(200)}`, cache_control: { type: 'ephemeral' } },
  ];
  const tools: Tool[] = [
    {
      name: 'get_quote',
      description: 'Latest quote for a symbol',
      input_schema: { type: 'object', properties: { symbol: { type: 'string' } }, required: ['symbol'] },
      cache_control: { type: 'ephemeral' },
    },
  ];

  it('writes the cached prefix on the first call and reads it on the next identical prefix', async () => {
    const anthropic = client();
    const first = await anthropic.messages.create({ model, max_tokens: 64, system, tools, messages: hello });
    const second = await anthropic.messages
      .stream({ model, max_tokens: 64, system, tools, messages: [{ role: 'user', content: 'And MSFT?' }] })
      .finalMessage();
    const changedSystem = await anthropic.messages.create({
      model,
      max_tokens: 64,
      system: [{ ...system[0]!, text: 'A different system prompt.' }],
      tools,
      messages: hello,
    });

    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(300);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    // The tools prefix is still cached; only the new system block is written.
    expect(changedSystem.usage.cache_read_input_tokens).toBeGreaterThan(0);
    expect(changedSystem.usage.cache_read_input_tokens).toBeLessThan(first.usage.cache_creation_input_tokens!);
    expect(changedSystem.usage.cache_creation_input_tokens).toBeGreaterThan(0);
  });

  it('reports no cache activity when nothing carries cache_control', async () => {
    const plainSystem = [{ type: 'text' as const, text: system[0]!.text }];
    const replies = [
      await client().messages.create({ model, max_tokens: 64, system: plainSystem, messages: hello }),
      await client().messages.create({ model, max_tokens: 64, system: plainSystem, messages: hello }),
    ];
    for (const reply of replies) {
      expect(reply.usage.cache_creation_input_tokens).toBe(0);
      expect(reply.usage.cache_read_input_tokens).toBe(0);
      expect(reply.usage.input_tokens).toBeGreaterThan(300);
    }
  });
});

describe('Anthropic simulator: scripts', () => {
  it('passes the validated request and the call index to the script', async () => {
    const seen: { request: MessagesRequest; call: number }[] = [];
    sim.setScript((request, context) => {
      seen.push({ request, call: context.call });
      return message(text(`call ${context.call}`));
    });
    const system = 'You are Clera.';
    const tools: Tool[] = [{ name: 'get_quote', input_schema: { type: 'object', properties: {} } }];
    await client().messages.create({ model, max_tokens: 64, system, tools, messages: hello });
    const second = await client().messages.create({ model, max_tokens: 64, system, messages: hello });

    expect(seen.map((entry) => entry.call)).toEqual([0, 1]);
    expect(seen[0]?.request.system).toBe(system);
    expect(seen[0]?.request.tools).toEqual(tools);
    expect(seen[1]?.request.tools).toBeUndefined();
    expect(second.content[0]).toMatchObject({ text: 'call 1' });
  });

  it('plays a sequence and answers a non-retryable 500 naming the problem once it runs out', async () => {
    sim.setScript(sequence(message(toolUse('get_quote', { symbol: 'AAPL' })), message(text('AAPL is 189.20 USD.'))));
    const anthropic = client(2);
    const first = await anthropic.messages.create({ model, max_tokens: 64, messages: hello });
    const second = await anthropic.messages.create({ model, max_tokens: 64, messages: hello });
    const third: unknown = await anthropic.messages
      .create({ model, max_tokens: 64, messages: hello })
      .catch((caught: unknown) => caught);

    expect(first.stop_reason).toBe('tool_use');
    expect(second.content[0]).toMatchObject({ text: 'AAPL is 189.20 USD.' });
    expect(third).toBeInstanceOf(InternalServerError);
    expect((third as APIError).apiMessage).toContain('call 2 has no scripted reply');
    expect(sim.requests).toHaveLength(3);
    expect(sim.scriptErrors).toHaveLength(1);
  });

  it('lets a script return a fault, and reset() clears requests, faults and script', async () => {
    sim.setScript(() => ({ kind: 'status', status: 403 }));
    await expect(client().messages.create({ model, max_tokens: 64, messages: hello })).rejects.toMatchObject({
      status: 403,
      type: 'permission_error',
    });
    sim.enqueueFault({ kind: 'status', status: 529 });
    sim.reset();
    const reply = await client().messages.create({ model, max_tokens: 64, messages: hello });

    const [block] = reply.content;
    expect(block?.type === 'text' && block.text).toContain('What is AAPL');
    expect(sim.requests).toHaveLength(1);
  });
});

describe('model lookup', () => {
  it('answers a known model id and 404s an unknown one, behind the same key check', async () => {
    const sim = await startAnthropicSimulator();
    try {
      const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: sim.url, maxRetries: 0 });
      expect((await client.models.retrieve('claude-sonnet-5')).id).toBe('claude-sonnet-5');
      await expect(client.models.retrieve('claude-nonexistent')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
      const wrong = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: sim.url, maxRetries: 0 });
      await expect(wrong.models.retrieve('claude-sonnet-5')).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    } finally {
      await sim.close();
    }
  });
});
