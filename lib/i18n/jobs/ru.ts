import type { JobsMessages } from "./en";

export const ru: JobsMessages = {
  "jobs.kind.system.selftest": "Проверка системы",
  "jobs.kind.retention.purge": "Ночная очистка",
  "jobs.kind.transfer.run": "Передача, отмена или возврат записей",
  "jobs.kind.transfer.returns-due": "Возвраты временных передач",
  "jobs.kind.transfer.dismissal-watch": "Поиск уволенных сотрудников с открытыми делами",
  "jobs.back.transfer": "Назад к передаче дел",
  "jobs.back.privacy": "Назад к персональным данным",
  "jobs.back.settings": "Назад к настройкам",
  "jobs.kind.other": "Фоновое задание",
  "jobs.startedAt": "Запущено {date}",
  "jobs.state.queued": "Ожидает запуска",
  "jobs.state.running": "Выполняется",
  "jobs.state.retrying": "Прервано, повторяем",
  "jobs.state.completed": "Завершено",
  "jobs.state.failed": "Ошибка",
  "jobs.state.cancelled": "Отменено",
  "jobs.counts": "{done} из {total}",
  "jobs.preparing": "Считаем, что предстоит сделать…",
  "jobs.error": "Остановлено с ошибкой: {error}",
  "jobs.unreachable": "StaffSuite сейчас недоступен; задание продолжается, страница обновится, когда связь вернётся.",
};
