import type { PrivacyMessages } from "./en";

export const de: PrivacyMessages = {
  "privacy.title": "Datenschutz",
  "privacy.intro": "Personenbezogene Daten in diesem Portal herunterladen, anonymisieren oder löschen.",
};
