/** Models the simulator knows: the connection test asks for one by id (`GET /v1/models/{id}`). */
export const knownModels = [
  'claude-sonnet-5',
  'claude-opus-5',
  'claude-haiku-4-5',
  'claude-sonnet-4-6',
  'claude-opus-4-6',
  'claude-sonnet-4-5',
  'claude-haiku-4-5-20251001',
];

export function modelInfo(id: string): Record<string, unknown> {
  return { type: 'model', id, display_name: id, created_at: '2026-01-01T00:00:00Z' };
}
