import { expect, it } from "vitest";
import { langFromAcceptLanguage } from "./accept-language";

it("takes the browser's first language we speak, else English", () => {
  expect(langFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
  expect(langFromAcceptLanguage("uk-UA,ru;q=0.9")).toBe("ru");
  expect(langFromAcceptLanguage("fr-FR,fr;q=0.9")).toBe("en");
  expect(langFromAcceptLanguage(null)).toBe("en");
});
