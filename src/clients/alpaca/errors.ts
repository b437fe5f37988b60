import { AppError, upstreamError } from '../../protocol/errors';

export type AlpacaService = 'trading' | 'data';
const serviceName = (service: AlpacaService) => (service === 'trading' ? 'Alpaca' : 'Alpaca market data');

/** Maps an Alpaca error response to an error a user can act on. `body` is the parsed JSON body, if any. */
export function alpacaError(service: AlpacaService, status: number, body: unknown, headers?: Headers): AppError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const brokerMessage = typeof record.message === 'string' ? record.message : '';
  const code = typeof record.code === 'number' ? record.code : undefined;
  const details: Record<string, unknown> = { status, ...(code === undefined ? {} : { brokerCode: code }), ...(brokerMessage ? { brokerMessage } : {}) };
  const name = serviceName(service);
  if (status === 401 || (status === 403 && (brokerMessage === 'forbidden.' || brokerMessage === ''))) {
    return new AppError({ kind: 'configuration', code: 'alpaca-auth', message: `${name} rejected the key. Check the key ID and secret in Settings.`, details });
  }
  if (status === 429) {
    const reset = headers?.get('x-ratelimit-reset');
    return upstreamError('alpaca-rate-limit', `${name} is rate-limiting requests.`, { retryable: true, details: { ...details, ...(reset ? { reset } : {}) } });
  }
  if (status >= 500) return upstreamError('alpaca-unavailable', `${name} is having trouble (HTTP ${status}).`, { retryable: true, details });
  if (status === 404) return new AppError({ kind: 'user-input', code: 'alpaca-not-found', message: brokerMessage || `${name} found nothing there.`, details });
  if (status === 403 && code === 40310000) {
    return new AppError({ kind: 'user-input', code: 'alpaca-insufficient', message: `${name} refused: ${brokerMessage}.`, details: { ...details, ...record } });
  }
  if (status === 422 && code === 40010001 && /client_order_id/i.test(brokerMessage)) {
    return new AppError({ kind: 'upstream', code: 'alpaca-duplicate-order', message: 'The broker already has this order.', details });
  }
  return new AppError({ kind: 'user-input', code: 'alpaca-rejected', message: `${name} refused the request: ${brokerMessage || `HTTP ${status}`}.`, details });
}

export function alpacaNetworkError(service: AlpacaService, cause: unknown): AppError {
  return upstreamError('alpaca-unreachable', `Could not reach ${serviceName(service)}.`, { retryable: true, cause });
}
