import type Anthropic from '@anthropic-ai/sdk';
import type { z } from 'zod';
import { createAnthropic, type AnthropicClient } from '../../src/clients/anthropic';
import { JUDGE_PROMPT_VERSION, JUDGE_SYSTEM, PAIRWISE_SYSTEM, materialText, type JudgeMaterial } from './prompt';
import { preferenceSchema, preferenceTool, verdictSchema, verdictTool, type Preference, type Verdict } from './verdict';

export interface JudgeConfig {
  apiKey: string;
  baseURL: string;
  model: string;
  fetch?: typeof fetch;
}

export interface JudgeUsage {
  model: string;
  input: number;
  output: number;
}

/** A verdict, or a judge error after one retry: never a guessed score. */
export type JudgeResult<T> =
  | { ok: true; value: T; attempts: number; model: string; promptVersion: string; usage: JudgeUsage[] }
  | { ok: false; error: string; attempts: number; model: string; promptVersion: string; usage: JudgeUsage[] };

export interface Judge {
  score(material: JudgeMaterial, answer: string): Promise<JudgeResult<Verdict>>;
  /** Compares two answers shown in the given order; the winner is reported in that order ('first' / 'second'). */
  prefer(material: JudgeMaterial, first: string, second: string): Promise<JudgeResult<Preference>>;
}

const MAX_ATTEMPTS = 2;

async function structured<S extends z.ZodType>(
  client: AnthropicClient,
  model: string,
  system: string,
  tool: typeof verdictTool | typeof preferenceTool,
  schema: S,
  userText: string,
): Promise<JudgeResult<z.infer<S>>> {
  const usage: JudgeUsage[] = [];
  const problems: string[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    let response: Anthropic.Message;
    try {
      response = await client.messages.create({
        model,
        max_tokens: 1_024,
        system,
        tools: [tool],
        tool_choice: { type: 'tool', name: tool.name },
        messages: [{ role: 'user', content: userText }],
      });
    } catch (error) {
      // A failed request is not a malformed verdict: report it, do not spend the retry on an outage.
      return { ok: false, error: `judge request failed: ${error instanceof Error ? error.message : String(error)}`, attempts: attempt, model, promptVersion: JUDGE_PROMPT_VERSION, usage };
    }
    usage.push({ model: response.model, input: response.usage.input_tokens, output: response.usage.output_tokens });
    const call = response.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use' && block.name === tool.name);
    if (!call) {
      problems.push(`attempt ${attempt}: no ${tool.name} call (stop reason ${response.stop_reason ?? 'none'})`);
      continue;
    }
    const parsed = schema.safeParse(call.input);
    if (parsed.success) return { ok: true, value: parsed.data, attempts: attempt, model, promptVersion: JUDGE_PROMPT_VERSION, usage };
    problems.push(`attempt ${attempt}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  }
  return { ok: false, error: `malformed verdict: ${problems.join(' | ')}`, attempts: MAX_ATTEMPTS, model, promptVersion: JUDGE_PROMPT_VERSION, usage };
}

/** The LLM judge: structured output through a forced tool call, validated with zod, retried once when malformed. */
export function createJudge(config: JudgeConfig): Judge {
  const client = createAnthropic({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 2, ...(config.fetch ? { fetch: config.fetch } : {}) });
  return {
    score: (material, answer) =>
      structured(client, config.model, JUDGE_SYSTEM, verdictTool, verdictSchema, `${materialText(material)}\n<answer>\n${answer}\n</answer>`),
    prefer: (material, first, second) =>
      structured(client, config.model, PAIRWISE_SYSTEM, preferenceTool, preferenceSchema, `${materialText(material)}\n<answer_first>\n${first}\n</answer_first>\n<answer_second>\n${second}\n</answer_second>`),
  };
}

export type { JudgeMaterial };
