/**
 * im.notify.system.add / im.notify.personal.add (b24restdocs api-reference/chats/notifications/
 * im-notify-system-add.md, im-notify-personal-add.md): USER_ID, MESSAGE (trimmed; BB-code
 * allowed), MESSAGE_OUT, TAG (unique within the app: a new notification with a tag the app used
 * removes the earlier ones), SUB_TAG, ATTACH (an object or a JSON string, at most 30 KB); the
 * answer is the new notification's ID, or false when no notification was made (an unknown
 * recipient). Errors as the docs' tables: USER_ID_EMPTY, MESSAGE_EMPTY, ATTACH_ERROR,
 * ATTACH_OVERSIZE. Kept in portal.data.notifications.
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";

const ATTACH_MAX = 30 * 1024;

function readAttach(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === "") return undefined;
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new RestError("ATTACH_ERROR", "Incorrect attach params", 400);
    }
  }
  if (!value || typeof value !== "object") throw new RestError("ATTACH_ERROR", "Incorrect attach params", 400);
  if (Buffer.byteLength(JSON.stringify(value)) > ATTACH_MAX)
    throw new RestError("ATTACH_OVERSIZE", "You have exceeded the maximum allowable size of attach", 400);
  return value;
}

function notify(kind: "system" | "personal") {
  return (call: MethodCall) => {
    const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
    const toUserId = Math.trunc(Number(p.USER_ID) || 0);
    const message = typeof p.MESSAGE === "string" ? p.MESSAGE.trim() : "";
    if (toUserId <= 0) throw new RestError("USER_ID_EMPTY", "User ID can't be empty", 400);
    if (!message) throw new RestError("MESSAGE_EMPTY", "Message can't be empty", 400);
    const attach = readAttach(p.ATTACH);
    if (!call.portal.users.has(toUserId)) return { result: false };
    const clientId = call.app?.clientId ?? null;
    const tag = typeof p.TAG === "string" ? p.TAG : "";
    const data = call.portal.data;
    if (tag) data.notifications = data.notifications.filter((n) => !(n.tag === tag && (n.clientId ?? null) === clientId));
    const id = (data.notificationSeq = (data.notificationSeq ?? data.notifications.reduce((m, n) => Math.max(m, n.id), 0)) + 1);
    data.notifications.push({
      id,
      toUserId,
      fromUserId: kind === "personal" ? call.user.id : null,
      message,
      tag,
      kind,
      createdAt: call.now.toISOString(),
      clientId,
      subTag: typeof p.SUB_TAG === "string" ? p.SUB_TAG : "",
      messageOut: typeof p.MESSAGE_OUT === "string" ? p.MESSAGE_OUT : "",
      ...(attach !== undefined ? { attach } : {}),
    });
    return { result: id };
  };
}

defineMethods(
  { name: "im.notify.system.add", scope: "im", handler: notify("system") },
  { name: "im.notify.personal.add", scope: "im", handler: notify("personal") },
  // im.notify is the older alias; TYPE=SYSTEM sends a system notification.
  {
    name: "im.notify",
    scope: "im",
    handler: (call) => notify(String(call.params.TYPE ?? call.params.type ?? "").toUpperCase() === "SYSTEM" ? "system" : "personal")(call),
  },
);
