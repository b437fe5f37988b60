/** A rough token count (about four characters a token), enough for plausible usage figures. */
export function estimateTokens(value: unknown): number {
  if (value === undefined) return 1;
  const serialised = typeof value === 'string' ? value : JSON.stringify(value);
  return Math.max(1, Math.ceil(serialised.length / 4));
}
