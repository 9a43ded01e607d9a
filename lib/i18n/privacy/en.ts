// Privacy messages in English: the Privacy tool (app/(portal)/privacy). The reference: ru and de have the same keys.
export const en = {
  "privacy.title": "Privacy",
  "privacy.intro": "Download, anonymise or erase personal data in this portal.",
};

export type PrivacyMessages = { [K in keyof typeof en]: string };
