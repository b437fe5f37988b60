import type { z } from 'zod';
import { ToolInputError, type ToolContext, type ToolDefinition } from '../define-tool';

/**
 * Validates raw model input against the tool's schema (defaults applied, symbols normalised), throwing a
 * ToolInputError that lists every problem. The loop calls this before `run`; so do the tests.
 */
export function parseToolInput<Input>(tool: ToolDefinition<Input>, raw: unknown): Input {
  const parsed = tool.input.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ToolInputError({ tool: tool.name, issues: describeIssues(parsed.error) });
}

/** parseToolInput, then run. */
export async function runTool<Input, Output>(tool: ToolDefinition<Input, Output>, raw: unknown, context: ToolContext): Promise<Output> {
  return tool.run(parseToolInput(tool, raw), context);
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`));
}
