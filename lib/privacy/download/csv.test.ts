import { describe, expect, it } from "vitest";
import { cellText, csvRow } from "./csv";

describe("csvRow", () => {
  it("quotes commas, quotes and line breaks and ends with CRLF", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", "two\nlines", 5, null])).toBe('a,"say ""hi""","x,y","two\nlines",5,\r\n');
  });
  it("defuses values a spreadsheet would run as formulas", () => {
    expect(csvRow(["=HYPERLINK(1)", "+7 900", "-1", "@SUM", "plain"])).toBe("'=HYPERLINK(1),'+7 900,'-1,'@SUM,plain\r\n");
  });
  it("writes lists and objects readably", () => {
    expect(cellText([1, 2])).toBe("1; 2");
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(true)).toBe("true");
  });
});
