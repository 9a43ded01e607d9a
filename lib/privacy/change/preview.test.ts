import { describe, expect, it } from "vitest";
import { nameFromCode } from "../profile";
import { valueInWords } from "./preview";

describe("the preview's values in the reader's words", () => {
  it("shows yes/no, a gender and a calendar date in the reader's language, the day never moved by a time zone", () => {
    expect([valueInWords("en", "ACTIVE", "Y", undefined), valueInWords("ru", "ACTIVE", "N", undefined), valueInWords("de", "UF_X", "1", "boolean")]).toEqual([
      "Yes",
      "Нет",
      "Ja",
    ]);
    expect(valueInWords("de", "PERSONAL_GENDER", "F", undefined)).toBe("Weiblich");
    expect(valueInWords("en", "PERSONAL_BIRTHDAY", "1990-05-03T00:00:00+03:00", undefined)).toBe("May 3, 1990");
    expect(valueInWords("de", "UF_EMPLOYMENT_DATE", "2021-01-31", "date")).toBe("31.01.2021");
    expect(valueInWords("ru", "UF_EMPLOYMENT_DATE", "2021-01-31", "date")).toMatch(/^31 янв\. 2021/);
    // Text that only looks like a date in a text field stays as written; empty stays empty.
    expect(valueInWords("en", "UF_NOTE", "2021-01-31", "string")).toBe("2021-01-31");
    expect(valueInWords("en", "ACTIVE", "", undefined)).toBe("");
  });
  it("names a field the portal left unnamed from its code, in words", () => {
    expect([nameFromCode("UF_USR_SHOE_SIZE"), nameFromCode("UF_SKYPE")]).toEqual(["Shoe size", "Skype"]);
  });
});
