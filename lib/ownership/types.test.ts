import { describe, expect, it } from "vitest";
import { replaceHolder } from "./types";

describe("replaceHolder", () => {
  it("replaces the user in place and keeps the others", () => {
    expect(replaceHolder([3, 5, 9], 5, 7)).toEqual([3, 7, 9]);
  });
  it("does not duplicate a receiver already in the list", () => {
    expect(replaceHolder([3, 5, 7], 5, 7)).toEqual([3, 7]);
  });
  it("leaves a list without the user unchanged", () => {
    expect(replaceHolder([3, 9], 5, 7)).toEqual([3, 9]);
  });
});
