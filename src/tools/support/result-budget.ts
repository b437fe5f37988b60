/**
 * The most characters of JSON a tool result should take. The loop's tool runner replaces anything much longer with
 * a truncated preview (src/agents/tool-runner.ts, 24,000 characters), which the model cannot quote reliably, so list
 * tools stay under this budget and say what they left out.
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
