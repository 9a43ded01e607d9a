import { describe, expect, it } from "vitest";
import { operationDetailsSchema } from "./index";

describe("operation log details", () => {
  it("take IDs, counts, codes and dates, nested", () => {
    const details = {
      receivers: [7, 9],
      selections: [{ type: "deal", ids: [1, 2] }],
      state: "queued",
      moved: 12,
      finishedAt: new Date(0).toISOString(),
      undone: false,
      of: null,
    };
    expect(operationDetailsSchema.parse(details)).toEqual(details);
  });

  it("refuse free text (a name, a message, a document would not fit)", () => {
    expect(operationDetailsSchema.safeParse({ note: "x".repeat(121) }).success).toBe(false);
    expect(operationDetailsSchema.safeParse({ items: [{ body: "y".repeat(500) }] }).success).toBe(false);
  });
});
