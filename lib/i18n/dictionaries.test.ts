import { describe, expect, it } from "vitest";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { dictionaries } from "./dictionaries";
import { LANGUAGES } from "./index";

const featureDirs = readdirSync(import.meta.dirname).filter((name) => statSync(path.join(import.meta.dirname, name)).isDirectory());

describe("dictionaries", () => {
  it.each(featureDirs)("%s: every language has exactly the English keys, prefixed by the feature, none empty", async (feature) => {
    const byLang = await Promise.all(LANGUAGES.map(async (lang) => [lang, (await import(`./${feature}/${lang}.ts`))[lang] as Record<string, string>] as const));
    const reference = Object.keys(byLang[0][1]).sort();
    expect(reference.length).toBeGreaterThan(0);
    for (const [lang, messages] of byLang) {
      expect(Object.keys(messages).sort(), `${feature}/${lang}.ts`).toEqual(reference);
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${feature}/${lang}.ts ${key}`).not.toBe("");
    }
    if (feature !== "core") for (const key of reference) expect(key.startsWith(`${feature}.`), key).toBe(true);
  });

  it("every feature folder is gathered into each language's dictionary", async () => {
    for (const lang of LANGUAGES) {
      for (const feature of featureDirs) {
        const messages = (await import(`./${feature}/${lang}.ts`))[lang] as Record<string, string>;
        for (const key of Object.keys(messages)) expect(dictionaries[lang], `${lang}: ${key}`).toHaveProperty([key]);
      }
    }
  });

  it("placeholders match across languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(dictionaries.en)) {
      for (const lang of LANGUAGES)
        expect(placeholders(dictionaries[lang][key as keyof typeof dictionaries.en]), `${lang}: ${key}`).toEqual(placeholders(text));
    }
  });
});
