// What may be imported where lib/errors/index.ts's dependencies (lib/bitrix24, the database) must
// not go — client components and the proxy (middleware): the codes, their message keys, the digest
// reader, and the error classes (they depend on nothing but the codes).
export { codeFromDigest, errorMessageKey, ERROR_CODES, ERROR_STATUS, type ErrorCode } from "./codes";
export {
  AppError,
  ForbiddenError,
  NotFoundError,
  Refused,
  RequestInputError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
  type RefusalKey,
  type RefusalReason,
} from "./classes";
