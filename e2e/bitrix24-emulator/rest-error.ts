/** A Bitrix24 REST error: `{error, error_description}` with the HTTP status the cloud uses for that code. */
export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status = 400,
    /** Extra keys of the error body, e.g. `argument` of ERROR_ARGUMENT. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`);
  }
}

export const restErrors = {
  expiredToken: () => new RestError('expired_token', 'The access token provided has expired.', 401),
  invalidToken: () => new RestError('invalid_token', 'The access token provided is invalid.', 401),
  noAuth: () => new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401),
  methodNotFound: () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404),
  accessDenied: () => new RestError('ACCESS_DENIED', 'Access denied!', 403),
  insufficientScope: () =>
    new RestError(
      'insufficient_scope',
      'The request requires higher privileges than provided by the access token',
      403,
    ),
  queryLimit: () => new RestError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503),
  operationLimit: () => new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429),
  internal: () => new RestError('INTERNAL_SERVER_ERROR', 'Internal server error', 500),
  core: (description: string) => new RestError('ERROR_CORE', description, 400),
};
