/**
 * Our table ids are cuids (prisma/schema.prisma `@default(cuid())`). An id from a URL that is not
 * of that alphabet and length (a NUL byte, a stray escape, a megabyte) names nothing of ours and
 * must not reach the database, which refuses some of it with an error (HTTP 500) instead of "no
 * such row".
 */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}
