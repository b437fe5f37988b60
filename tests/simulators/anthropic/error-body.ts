interface ErrorKind {
  type: string;
  message: string;
}

const kindsByStatus: Record<number, ErrorKind> = {
  400: { type: 'invalid_request_error', message: 'Invalid request' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  402: { type: 'billing_error', message: 'Your credit balance is too low to access the Anthropic API.' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'Not found' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'This request would exceed the rate limit for your organization.' },
  500: { type: 'api_error', message: 'Internal server error' },
  504: { type: 'timeout_error', message: 'Request timed out' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** The `error.type` and a default message for a status (A5); unlisted 4xx are invalid_request_error, 5xx api_error. */
export function errorKindFor(status: number): ErrorKind {
  const known = kindsByStatus[status];
  if (known) return known;
  return status >= 500
    ? { type: 'api_error', message: 'Internal server error' }
    : { type: 'invalid_request_error', message: 'Invalid request' };
}

export interface ErrorBody {
  type: 'error';
  error: { type: string; message: string; details?: Record<string, unknown> };
  request_id: string;
}

export function errorBody(
  type: string,
  message: string,
  requestId: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { type: 'error', error: details ? { type, message, details } : { type, message }, request_id: requestId };
}
