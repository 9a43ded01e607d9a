import type { ErrorsMessages } from "./en";

export const de: ErrorsMessages = {
  "errors.title": "Diese Seite konnte nicht geladen werden",
  "errors.retry": "Erneut versuchen",
  "errors.unauthorized": "Ihre Sitzung ist abgelaufen. Öffnen Sie StaffSuite erneut aus Ihrem Bitrix24-Portal.",
  "errors.forbidden": "Das dürfen nur Portal-Administratoren. Wenden Sie sich an einen Administrator Ihres Bitrix24-Portals.",
  "errors.not_found": "Das gibt es nicht mehr, oder Sie dürfen es nicht sehen.",
  "errors.invalid": "Ein Teil der gesendeten Angaben ist ungültig. Prüfen Sie das Formular und versuchen Sie es erneut.",
  "errors.refused": "Das ist gerade nicht möglich. Laden Sie die Seite neu, um den aktuellen Stand zu sehen, und versuchen Sie es dann erneut.",
  "errors.portal_disconnected":
    "StaffSuite hat die Verbindung zu diesem Portal verloren. Ein Portal-Administrator sollte StaffSuite einmal aus dem Portal öffnen, um sie wiederherzustellen.",
  "errors.user_token_dead":
    "Bitrix24 akzeptiert den Zugang von StaffSuite für Ihr Konto nicht mehr. Öffnen Sie StaffSuite einmal aus Ihrem Bitrix24-Portal und versuchen Sie es dann erneut.",
  "errors.rate_limited": "Bitrix24 erhält gerade zu viele Anfragen von diesem Portal. Warten Sie eine Minute und versuchen Sie es erneut.",
  "errors.operating_limit":
    "Bitrix24 hat diese Art von Anfrage für einige Minuten angehalten, weil sie zu lange lief. Versuchen Sie es in zehn Minuten erneut.",
  "errors.insufficient_scope":
    "StaffSuite fehlt in diesem Portal eine nötige Berechtigung. Ein Portal-Administrator sollte die App neu installieren, um sie zu erteilen.",
  "errors.access_denied": "Bitrix24 hat abgelehnt: Ihrem Konto fehlen die Rechte dafür. Wenden Sie sich an einen Portal-Administrator.",
  "errors.method_unavailable":
    "Dieses Portal bietet nicht, was nötig ist (vielleicht ist ein Bitrix24-Modul abgeschaltet). Wenden Sie sich an einen Portal-Administrator.",
  "errors.session_revoked":
    "Diese Verbindung von StaffSuite für Gmail wurde auf der Seite „Mail“ von StaffSuite widerrufen. Klicken Sie auf das StaffSuite-Symbol in der Symbolleiste, um sich neu zu verbinden.",
  "errors.session_revoked_by_admin":
    "Ein Bitrix24-Administrator hat diese Verbindung von StaffSuite für Gmail beendet. Fragen Sie ihn, bevor Sie sich neu verbinden.",
  "errors.user_dismissed":
    "Ihr Bitrix24-Konto ist deaktiviert, daher hat StaffSuite diese Verbindung beendet. Wenn das ein Irrtum ist, wenden Sie sich an einen Portal-Administrator.",
  "errors.record_gone":
    "Dieser Eintrag existiert in Bitrix24 nicht mehr: Er wurde gelöscht oder zusammengeführt. Suchen Sie die Personen erneut und wählen Sie einen anderen.",
  "errors.portal_error": "Bitrix24 hat mit einem Fehler geantwortet. Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihren Administrator.",
  "errors.internal": "Etwas ist schiefgelaufen. Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihren Administrator.",
  "errors.too_many_requests": "Zu viele Versuche von hier. Warten Sie eine Minute und öffnen Sie die App erneut.",
};
