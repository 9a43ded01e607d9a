/**
 * What an administrator asks the Transfer tool to do, validated at the edge (zod): whose records,
 * which (type, role) pairs, which narrowing, to whom and how to split, and whether it is a
 * temporary cover with a return date. IDs and options only.
 */
import { z } from "zod";

const userId = z.number().int().positive();
const isoDate = z.string().datetime({ offset: true });

export const selectionSchema = z.object({ type: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), role: z.string().regex(/^[a-z]{2,20}$/) });

export const querySchema = z.object({
  openOnly: z.boolean().default(true),
  /** The CRM type categoryId and stageIds narrow (lib/ownership OwnershipQuery). */
  crmEntityTypeId: z.number().int().positive().optional(),
  categoryId: z.number().int().nonnegative().optional(),
  stageIds: z.array(z.string().max(80)).max(50).optional(),
  createdAfter: isoDate.optional(),
  createdBefore: isoDate.optional(),
  changedAfter: isoDate.optional(),
  changedBefore: isoDate.optional(),
});

export const SPLIT_MODES = ["even", "by-company"] as const;

export const transferRequestSchema = z
  .object({
    fromUserId: userId,
    receiverIds: z.array(userId).min(1).max(20),
    selections: z.array(selectionSchema).min(1).max(200),
    query: querySchema.default({ openOnly: true }),
    split: z.enum(SPLIT_MODES).default("even"),
    notify: z.boolean().default(true),
    /** A temporary transfer: when the records go back (ISO 8601, in the future). */
    returnAt: isoDate.optional(),
    /** On return, take back records changed by hand meanwhile too. */
    forceReturn: z.boolean().default(false),
  })
  .refine((r) => !r.receiverIds.includes(r.fromUserId), { message: "The employee cannot receive their own records", path: ["receiverIds"] })
  .refine((r) => new Set(r.receiverIds).size === r.receiverIds.length, { message: "A receiver is listed twice", path: ["receiverIds"] });

export type TransferRequest = z.infer<typeof transferRequestSchema>;
export type TransferQuery = z.infer<typeof querySchema>;
export type SplitMode = (typeof SPLIT_MODES)[number];
