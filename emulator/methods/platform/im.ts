/**
 * im.notify.system.add / im.notify.personal.add (b24restdocs api-reference/chats/notifications/
 * im-notify-system-add.md, im-notify-personal-add.md): USER_ID, MESSAGE (BB-code allowed), TAG,
 * SUB_TAG, ATTACH; the answer is the new notification's ID. Kept in portal.data.notifications.
 */
import { errors } from "../../rest/errors";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";

function notify(kind: "system" | "personal") {
  return (call: MethodCall) => {
    const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
    const toUserId = Number(p.USER_ID);
    const message = typeof p.MESSAGE === "string" ? p.MESSAGE : "";
    if (!toUserId || !call.portal.users.has(toUserId)) throw new RestError("USER_ID_EMPTY", "Recipient ID not specified", 400);
    if (!message.trim()) throw new RestError("MESSAGE_EMPTY", "Message text not specified", 400);
    if (message.length > 20_000) throw errors.argument("Message too long");
    const list = call.portal.data.notifications;
    const id = list.reduce((m, n) => Math.max(m, n.id), 0) + 1;
    list.push({
      id,
      toUserId,
      fromUserId: kind === "personal" ? call.user.id : null,
      message,
      tag: typeof p.TAG === "string" ? p.TAG : "",
      kind,
      createdAt: call.now.toISOString(),
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
