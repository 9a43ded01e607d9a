import { describe, expect, it } from "vitest";
import { LANGUAGES, translator } from "../i18n";
import { recordTypeLabel, roleLabel, typeLabel } from "./labels";
import { RECORD_TYPES, ROLES } from "./record-types";

const en = translator("en");

describe("record type and role labels", () => {
  it("name kinds in lists and one record's kind", () => {
    expect(typeLabel(en, "task")).toBe("Tasks");
    expect(recordTypeLabel(en, "task")).toBe("Task");
    expect(typeLabel(en, "workgroup")).toBe("Workgroups and projects");
    expect(roleLabel(en, "auditor")).toBe("observer");
  });

  it("name a smart process by the portal's title, else by its ID", () => {
    const smart = [{ entityTypeId: 128, title: "Vendors" }];
    expect(typeLabel(en, "dynamic-128", smart)).toBe("Vendors");
    expect(typeLabel(en, "dynamic-190", smart)).toBe("Smart process 190");
    expect(recordTypeLabel(en, "dynamic-190")).toBe("Smart process 190");
    expect(typeLabel(translator("de"), "dynamic-190")).toBe("Smart-Prozess 190");
  });

  it("show a type or role they do not know as it is", () => {
    expect(typeLabel(en, "calendar")).toBe("calendar");
    expect(recordTypeLabel(en, "calendar")).toBe("calendar");
    expect(roleLabel(en, "editor")).toBe("editor");
  });

  it("have a word for every type and role in every language", () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const type of RECORD_TYPES.filter((x) => x !== "dynamic")) {
        expect(typeLabel(t, type)).not.toMatch(/^ownership\./);
        expect(recordTypeLabel(t, type)).not.toMatch(/^ownership\./);
      }
      for (const role of ROLES) expect(roleLabel(t, role)).not.toMatch(/^ownership\./);
    }
  });
});
