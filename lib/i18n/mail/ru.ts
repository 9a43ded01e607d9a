import type { MailMessages } from "./en";

export const ru: MailMessages = {
  "mail.connected.title": "StaffSuite для Gmail подключён",
  "mail.connected.body": "Эту вкладку можно закрыть и вернуться в Gmail: боковая панель теперь показывает, кто есть кто из участников писем в Битрикс24.",
  "mail.connected.waiting": "Передаём подключение расширению…",
  "mail.connectFailed.title": "Не удалось подключить расширение",
  "mail.connectFailed.body": "{error} Начните заново кнопкой «Подключить» в расширении.",
  "mail.page.title": "Расширение для Gmail",
  "mail.page.intro":
    "Расширение StaffSuite для Gmail показывает рядом с открытым письмом, кто его участники в Битрикс24. Каждый подключённый браузер хранит отзываемый ключ; StaffSuite хранит только его хеш, а от сохранённых писем — только хеш их идентификатора.",
  "mail.page.none": "Вы не подключали расширение ни в одном браузере.",
  "mail.page.session": "{label} · подключено {created} · использовано {used} · действует до {expires}",
  "mail.page.never": "никогда",
  "mail.page.revoke": "Отозвать",
  "mail.page.revoked": "Отозвано: этот браузер отключён.",
  "mail.page.admin": "Активных подключений расширения на портале: {sessions} (сотрудников: {users}).",
  "mail.uninstalled.title": "StaffSuite для Gmail удалён",
  "mail.uninstalled.ended": "Его подключение к вашему Битрикс24 завершено: ключ, который хранил этот браузер, больше не действует.",
  "mail.uninstalled.nothing": "Завершать было нечего: подключение уже было отключено, отозвано или истекло.",
  "mail.connectFailed.notInstalled": "StaffSuite не установлен в этом Битрикс24: проверьте адрес или попросите администратора установить его.",
  "mail.api.duplicates": "Похожие записи в Битрикс24 уже есть: откройте одну из них или всё равно создайте новую.",
  "mail.api.alreadyLogged": "Это письмо уже сохранено в Битрикс24.",
};
