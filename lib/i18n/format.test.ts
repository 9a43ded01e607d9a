import { describe, expect, it } from "vitest";
import { formatters } from "./format";

// Intl separates number and unit with a no-break space in some languages; compare with plain spaces.
const bytes = (lang: "en" | "ru" | "de", value: number) => formatters(lang).bytes(value).replace(/\s/g, " ");

describe("sizes in the portal's language", () => {
  it("spells out bytes with the right plural", () => {
    expect(bytes("en", 0)).toBe("0 bytes");
    expect(bytes("en", 1)).toBe("1 byte");
    expect(bytes("ru", 0)).toBe("0 байт");
    expect(bytes("ru", 2)).toBe("2 байта");
    expect(bytes("de", 0)).toBe("0 Byte");
  });

  it("uses kB and MB from a kilobyte on", () => {
    expect(bytes("en", 1536)).toBe("1.5 kB");
    expect(bytes("de", 1536)).toBe("1,5 kB");
    expect(bytes("ru", 3 * 1024 * 1024)).toBe("3 МБ");
  });
});

describe("dates in the portal's language", () => {
  const day = new Date("2026-12-07T09:05:00Z");
  const plain = (text: string) => text.replace(/\s/g, " ");

  it("writes a Russian date without the year's abbreviation, so a sentence ends with one period", () => {
    expect(plain(formatters("ru").date(day))).toBe("7 дек. 2026");
    expect(plain(formatters("ru").dateTime(day))).toBe("7 дек. 2026, 09:05 UTC");
  });

  it("leaves English and German dates as Intl writes them", () => {
    expect(formatters("de").date(day)).toBe("07.12.2026");
    expect(plain(formatters("en").dateTime(day))).toBe("Dec 7, 2026, 9:05 AM UTC");
  });
});
