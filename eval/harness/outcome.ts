/** What one case's turn did, observed from outside the agent core: the input every grader reads. */
export interface ToolCallRecord {
  name: string;
  input: unknown;
  ok: boolean;
  /** The result exactly as the model received it (JSON or text); empty for server tools. */
  content: string;
}

export interface ModelCallRecord {
  model: string;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  /** USD, from the project's dated price table; null when the model has no known price. */
  costUsd: number | null;
}

export interface ProposalRecord {
  status: string;
  side: string;
  symbol: string;
  amount?: string;
  quantity?: string;
  blocked: boolean;
}

export interface CaseOutcome {
  caseId: string;
  /** The answer's final status ('complete', 'error', …) or 'missing' when no answer was written. */
  status: string;
  answerText: string;
  /** The agent that wrote the answer (the app's own record of the route). */
  agent: string | null;
  disclosure: boolean;
  fallback: string | null;
  /** The prompt variant the app says the answer ran on. */
  variant: string | null;
  toolCalls: ToolCallRecord[];
  modelCalls: ModelCallRecord[];
  /** Orders that reached the broker (POST /v2/orders): the runner never confirms, so any is a failure. */
  orderPosts: number;
  proposals: ProposalRecord[];
  /** The conversation's text and page text: figures the user gave count as grounded. */
  context: string[];
  /** Problems of the harness itself (script template errors, missing cassette entries). */
  harnessErrors: string[];
  durationMs: number;
}
