import type { CoreMessages } from "./en";

export const ru: CoreMessages = {
  "app.name": "StaffSuite",
  "nav.transfer": "Передача дел",
  "nav.privacy": "Персональные данные",
  "nav.settings": "Настройки",
  "nav.mail": "Почта",
  "session.signedInAs": "Вы вошли как пользователь №{userId}",
  "session.signedInAsName": "Вы вошли как {name}",
  "session.admin": "Администратор портала",
  "session.employee": "Сотрудник",
  "session.required.title": "Откройте StaffSuite из вашего портала Битрикс24",
  "session.required.body": "Эта страница работает внутри Битрикс24. Откройте приложение из меню портала; если вы пришли оттуда, обновите страницу.",
  "forbidden.title": "Только для администраторов",
  "forbidden.body": "Эта страница доступна администраторам портала. Обратитесь к администратору вашего Битрикс24.",
  "portal.disconnected.title": "StaffSuite потерял связь с этим порталом",
  "portal.disconnected.body": "Битрикс24 больше не принимает ключи приложения. Администратору портала нужно один раз открыть StaffSuite из портала (или переустановить его), чтобы восстановить связь.",
  "install.title": "Установка StaffSuite",
  "install.working": "Завершаем установку…",
  "install.done": "StaffSuite установлен. Открываем…",
  "install.failed": "Не удалось завершить установку: {error}. Обновите страницу, чтобы попробовать снова.",
  "common.comingSoon": "Этот инструмент настраивается для вашего портала.",
};
