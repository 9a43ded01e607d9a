// What client components may import of lib/errors: the codes, their message keys, the digest reader.
export { codeFromDigest, errorMessageKey, ERROR_CODES, ERROR_STATUS, type ErrorCode } from "./codes";
