/**
 * Every feature's dictionary, gathered per language. A feature keeps its messages in
 * `lib/i18n/<feature>/{en,ru,de}.ts` (keys prefixed with the feature) and adds one line per
 * language here. `en` is the reference: the other languages have the same keys (typed, and
 * checked by dictionaries.test.ts).
 */
import { en as coreEn } from "./core/en";
import { ru as coreRu } from "./core/ru";
import { de as coreDe } from "./core/de";
import { en as errorsEn } from "./errors/en";
import { ru as errorsRu } from "./errors/ru";
import { de as errorsDe } from "./errors/de";
import { en as jobsEn } from "./jobs/en";
import { ru as jobsRu } from "./jobs/ru";
import { de as jobsDe } from "./jobs/de";
import { en as settingsEn } from "./settings/en";
import { ru as settingsRu } from "./settings/ru";
import { de as settingsDe } from "./settings/de";
import { en as ownershipEn } from "./ownership/en";
import { ru as ownershipRu } from "./ownership/ru";
import { de as ownershipDe } from "./ownership/de";
import { en as transferEn } from "./transfer/en";
import { ru as transferRu } from "./transfer/ru";
import { de as transferDe } from "./transfer/de";
import { en as privacyEn } from "./privacy/en";
import { ru as privacyRu } from "./privacy/ru";
import { de as privacyDe } from "./privacy/de";
import { en as automationEn } from "./automation/en";
import { ru as automationRu } from "./automation/ru";
import { de as automationDe } from "./automation/de";
import { en as mailEn } from "./mail/en";
import { ru as mailRu } from "./mail/ru";
import { de as mailDe } from "./mail/de";

const en = { ...coreEn, ...errorsEn, ...jobsEn, ...settingsEn, ...ownershipEn, ...transferEn, ...automationEn, ...privacyEn, ...mailEn };

export type Messages = { [K in keyof typeof en]: string };

export const dictionaries = {
  en,
  ru: { ...coreRu, ...errorsRu, ...jobsRu, ...settingsRu, ...ownershipRu, ...transferRu, ...automationRu, ...privacyRu, ...mailRu },
  de: { ...coreDe, ...errorsDe, ...jobsDe, ...settingsDe, ...ownershipDe, ...transferDe, ...automationDe, ...privacyDe, ...mailDe },
} satisfies Record<string, Messages>;
