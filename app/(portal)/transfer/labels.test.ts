import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { dismissedLabel } from "./labels";

describe("dismissedLabel", () => {
  it("agrees with the person's gender in Russian, and is neutral when the profile does not say", () => {
    const t = translator("ru");
    expect(dismissedLabel(t, { gender: "female" })).toBe("уволена");
    expect(dismissedLabel(t, { gender: "male" })).toBe("уволен");
    expect(dismissedLabel(t, { gender: null })).toBe("уволен(а)");
    expect(dismissedLabel(t, {})).toBe("уволен(а)");
  });

  it("is one word in English and German", () => {
    expect(dismissedLabel(translator("en"), { gender: "female" })).toBe("dismissed");
    expect(dismissedLabel(translator("de"), { gender: null })).toBe("ausgeschieden");
  });
});
