/**
 * Shapes of the portal's answers that the client depends on (docs/bitrix24-platform.md "Calling REST",
 * "Batch"; b24restdocs settings/how-to-call-rest-api/). Parsed with zod at the edge; `result`
 * stays `unknown` because each caller knows its own method's shape.
 */
import { z } from "zod";

const asRecord = <V>(v: Record<string, V> | V[]): Record<string, V> => (Array.isArray(v) ? Object.fromEntries(v.map((item, i) => [String(i), item])) : v);

/** PHP encodes an empty map as `[]`: accept both and always hand back a record. */
const phpMap = <T extends z.ZodType>(value: T) => z.union([z.record(z.string(), value), z.array(value)]).transform(asRecord<z.output<T>>);

/**
 * The same for a map of anything (a batch's results): only its shape is checked. Checking each of
 * fifty values against `unknown` through a record schema cost as much as parsing the answer's JSON.
 */
const phpMapOfAnything = z
  .custom<Record<string, unknown> | unknown[]>((v) => typeof v === "object" && v !== null, "expected a map")
  .transform(asRecord<unknown>);

export const timeSchema = z
  .object({
    start: z.number().optional(),
    finish: z.number().optional(),
    duration: z.number().optional(),
    processing: z.number().optional(),
    operating: z.number().optional(),
    operating_reset_at: z.number().optional(),
  })
  .loose();
export type RestTime = z.infer<typeof timeSchema>;

const numberish = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const successSchema = z
  .object({
    result: z.unknown(),
    total: numberish.optional(),
    next: numberish.optional(),
    time: timeSchema.optional(),
  })
  .loose();
export type RestSuccess = z.infer<typeof successSchema>;

export const errorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional().catch(undefined),
});

export const batchErrorSchema = z.union([z.object({ error: z.string(), error_description: z.string().optional().catch(undefined) }).loose(), z.unknown()]);

export const batchResultSchema = z.object({
  result: phpMapOfAnything,
  result_error: phpMap(batchErrorSchema).optional(),
  result_total: phpMap(numberish).optional(),
  result_next: phpMap(numberish).optional(),
  result_time: phpMap(timeSchema).optional(),
});
export type BatchResultEnvelope = z.infer<typeof batchResultSchema>;

export const oauthTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires: numberish.optional(),
  expires_in: numberish.optional(),
  scope: z.string().optional(),
  client_endpoint: z.string().optional(),
  server_endpoint: z.string().optional(),
  member_id: z.string().optional(),
  user_id: numberish.optional(),
  domain: z.string().optional(),
  status: z.string().optional(),
});
export type OAuthTokenAnswer = z.infer<typeof oauthTokenSchema>;

/** A call's answer as the client hands it back: the method's result and the envelope's paging and timing. */
export interface CallResult<T = unknown> {
  result: T;
  total?: number;
  next?: number;
  time?: RestTime;
}
