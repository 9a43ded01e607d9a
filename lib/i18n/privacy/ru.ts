import type { PrivacyMessages } from "./en";

export const ru: PrivacyMessages = {
  "privacy.title": "Персональные данные",
  "privacy.intro": "Выгрузка, обезличивание и удаление персональных данных на портале.",
};
