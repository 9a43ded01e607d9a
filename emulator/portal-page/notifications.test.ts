/**
 * BB-code in notifications as the portal shows them (b24restdocs
 * api-reference/chats/notifications/im-notify-system-add.md: MESSAGE may carry [URL=…]…[/URL]).
 */
import { describe, expect, it } from "vitest";
import { bbCodeToHtml } from "./notifications";

describe("bbCodeToHtml", () => {
  it("turns [URL] into a link and [B] into bold, and escapes everything else", () => {
    expect(bbCodeToHtml("Ready: [URL=https://a.test/x?y=1&z=2]download[/URL] <b>[B]now[/B]")).toBe(
      'Ready: <a href="https://a.test/x?y=1&amp;z=2" data-testid="notification-link">download</a> &lt;b&gt;<b>now</b>',
    );
  });
  it("keeps links that are not http(s) as text", () => {
    expect(bbCodeToHtml("[URL=javascript:alert(1)]x[/URL]")).toBe("[URL=javascript:alert(1)]x[/URL]");
  });
});
