/**
 * The portal's system errors with their HTTP statuses (b24restdocs _includes/system-errors.md,
 * limits.md for OPERATION_TIME_LIMIT 429).
 */
import { RestError } from "./method-registry";

export const errors = {
  methodNotFound: () => new RestError("ERROR_METHOD_NOT_FOUND", "Method not found!", 404),
  noAuth: () => new RestError("NO_AUTH_FOUND", "Wrong authorization data", 401),
  invalidToken: () => new RestError("invalid_token", "Unable to get application by token", 401),
  expiredToken: () => new RestError("expired_token", "The access token provided has expired.", 401),
  insufficientScope: () => new RestError("insufficient_scope", "The request requires higher privileges than provided by the access token", 403),
  queryLimit: () => new RestError("QUERY_LIMIT_EXCEEDED", "Too many requests", 503),
  operationTimeLimit: (method: string) => new RestError("OPERATION_TIME_LIMIT", `Method is blocked due to operation time limit. Method: ${method}`, 429),
  batchLength: () => new RestError("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded", 400),
  batchNotAllowed: () => new RestError("ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage", 405),
  https: () => new RestError("INVALID_REQUEST", "Https required.", 400),
  internal: () => new RestError("INTERNAL_SERVER_ERROR", "Internal server error", 500),
  /** user.update / department.* refusals: b24restdocs api-reference/user/user-update.md (ERROR_CORE, 400). */
  core: (description: string) => new RestError("ERROR_CORE", description, 400),
  /** Parameter problems most methods answer with (e.g. event.bind). */
  argument: (description: string) => new RestError("ERROR_ARGUMENT", description, 400),
  accessDenied: (description = "Access denied!") => new RestError("ACCESS_DENIED", description, 403),
};

export function errorBody(err: RestError): { error: string; error_description: string } {
  return { error: err.code, error_description: err.description, ...err.extra };
}
