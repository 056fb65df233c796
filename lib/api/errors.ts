// One error taxonomy for every JSON route: services throw AppError, routes turn any thrown value
// into `{ error: { code, message } }` with the status from ERROR_STATUS. Anything that is not an
// AppError is a bug: it is logged with its stack and answered with a 500 that reveals nothing.

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = { error: { code: ErrorCode; message: string } };

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  return Response.json(errorBody(error.code, error.message), { status: error.status, headers });
}

const GENERIC_500 = "Something went wrong on our side. The error has been logged.";

/** Maps anything thrown by a route to a JSON error response; logs what is not an AppError. */
export function toErrorResponse(error: unknown, context?: { route?: string }): Response {
  if (isAppError(error)) return errorResponse(error);
  console.error(`[api] unexpected error${context?.route ? ` in ${context.route}` : ""}:`, error);
  return Response.json(errorBody("internal_error", GENERIC_500), { status: 500 });
}
