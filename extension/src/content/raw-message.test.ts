import { describe, expect, it } from "vitest";
import { parseRawMessage } from "./raw-message";

describe("parseRawMessage", () => {
  it("reads the Message-ID (folded, any case) and the text/plain part of a multipart message in base64", () => {
    const raw = [
      "Received: from x",
      "message-id:",
      " <CAF=abc.123@mail.example.com>",
      "Subject: Hi",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      'Content-Type: text/plain; charset="UTF-8"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("Grüße aus Köln", "utf8").toString("base64"),
      "--b1",
      "Content-Type: text/html",
      "",
      "<p>ignored</p>",
      "--b1--",
    ].join("\r\n");
    const m = parseRawMessage(raw);
    expect(m.messageId).toBe("<CAF=abc.123@mail.example.com>");
    expect(m.text).toBe("Grüße aus Köln");
    expect(m.headers.get("subject")).toBe("Hi");
  });

  it("decodes quoted-printable in its charset, and falls back to html without tags", () => {
    const qp = parseRawMessage(
      "Message-ID: <a@b>\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 =\nau lait",
    );
    expect(qp.text).toBe("Café au lait");
    const html = parseRawMessage("Content-Type: text/html\n\n<style>p{}</style><p>Hello&nbsp;<b>there</b></p>");
    expect(html.messageId).toBeNull();
    expect(html.text.replace(/\s+/g, " ")).toBe("Hello there");
  });

  it("has no Message-ID when the header holds no <left@right>", () => {
    expect(parseRawMessage("Message-ID: 18c1234abcd\n\nbody").messageId).toBeNull();
  });
});
