/**
 * The most characters of JSON a tool result may take: the one budget. The loop's tool runner (src/agents/tool-runner.ts)
 * replaces anything longer with a truncated preview, which the model cannot quote reliably, so list tools fit their
 * items to this budget and say what they left out.
 */
export const resultBudgetChars = 20_000;

/**
 * The longest prefix of `items` (most important first) whose JSON fits in the budget next to `otherChars` of
 * surrounding result, and how many items were left out.
 */
export function fitToBudget<T>(items: readonly T[], otherChars: number, budget: number = resultBudgetChars): { kept: T[]; omitted: number } {
  let used = otherChars;
  let count = 0;
  for (const item of items) {
    used += JSON.stringify(item).length + 1;
    if (used > budget) break;
    count += 1;
  }
  return { kept: items.slice(0, count), omitted: items.length - count };
}
