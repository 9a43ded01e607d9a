/** The line under a card's actions that says how the last action went, with a link where there is one. */
import { link } from "../dom";

export function note(el: HTMLElement, text: string, kind: "ok" | "err", href?: string, linkText?: string) {
  el.replaceChildren(text, ...(href ? [" ", link(href, linkText ?? href)] : []));
  el.className = `note ${kind}`;
}
