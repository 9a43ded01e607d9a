/**
 * The viewer's notifications (what im.notify.system.add / im.notify.personal.add sent them) as
 * the portal's notification panel shows them: newest first, BB-code links
 * ([URL=…]text[/URL], which b24restdocs im-notify-system-add.md allows in MESSAGE) as links, and
 * [B]…[/B] bold; everything else shown as text.
 */
import { escapeHtml } from "../http/respond";
import type { ChromeModel } from "./chrome-model";

/** BB-code of a notification as safe HTML: only http(s) links become anchors. */
export function bbCodeToHtml(message: string): string {
  const out: string[] = [];
  const re = /\[URL=([^\]]+)\]([\s\S]*?)\[\/URL\]|\[B\]([\s\S]*?)\[\/B\]/gi;
  let last = 0;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    out.push(escapeHtml(message.slice(last, m.index)));
    if (m[1] !== undefined) {
      const href = m[1].trim();
      out.push(/^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}" data-testid="notification-link">${escapeHtml(m[2])}</a>` : escapeHtml(m[0]));
    } else {
      out.push(`<b>${escapeHtml(m[3])}</b>`);
    }
    last = re.lastIndex;
  }
  out.push(escapeHtml(message.slice(last)));
  return out.join("");
}

export function renderNotificationsMain(m: ChromeModel): string {
  const mine = m.portal.data.notifications.filter((n) => n.toUserId === m.viewer.id).sort((a, b) => b.id - a.id);
  const items = mine.length
    ? mine
        .map(
          (n) =>
            `<li class="b24-notification" data-testid="notification" data-id="${n.id}"><time>${escapeHtml(n.createdAt.slice(0, 16).replace("T", " "))}</time> <span>${bbCodeToHtml(n.message)}</span></li>`,
        )
        .join("")
    : `<li>${escapeHtml(m.labels.noNotifications)}</li>`;
  return `<h1 class="b24-title">${escapeHtml(m.labels.notifications)}</h1><ul class="b24-notifications" data-testid="notifications">${items}</ul>`;
}

/** The header's bell: a link to the panel with the viewer's count. */
export function notificationBell(m: ChromeModel): string {
  const count = m.portal.data.notifications.filter((n) => n.toUserId === m.viewer.id).length;
  // Text, not an emoji: a portal page must not depend on the machine having an emoji font.
  return `<a class="b24-bell" href="${m.base}/notifications/" data-testid="notifications-bell">${escapeHtml(m.labels.notifications)} <span>${count}</span></a>`;
}
