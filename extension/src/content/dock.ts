/**
 * The sidebar's place in Gmail: docked at the right edge of the window, the way Chrome's and
 * Gmail's side panels sit, and Gmail narrowed by its width — never drawn over the open messages.
 * We narrow Gmail's body (a class on <html> and one rule in the page's own style sheet), and tell
 * Gmail the window changed so that the parts it sizes from script follow (a resize event).
 *
 * The panel collapses to a narrow strip; the choice is remembered (chrome.storage.local
 * `sidebarCollapsed`, shared by every Gmail tab). Keyboard: the panel is a labelled landmark, its
 * controls are buttons and links in tab order, Alt+Shift+S moves the focus into it (opening the
 * strip) and back to the thread, Escape leaves it. It takes Gmail's theme and density (./gmail-look.ts).
 */
import type { T } from "../shared/i18n";
import { h } from "./dom";
import { gmailIsCompact, gmailIsDark } from "./gmail-look";
import { SIDEBAR_CSS } from "./sidebar-style";

const STRIP_PX = 44;
const DOCKED = "staffsuite-docked";
const PAGE_RULE = `html.${DOCKED} > body { width: calc(100% - var(--staffsuite-dock-width)) !important; min-width: 0 !important; }`;

/** Wider windows give the sidebar a little more room; at 1024 px the thread keeps the most. */
const expandedWidth = () => (innerWidth >= 1600 ? 360 : innerWidth >= 1200 ? 320 : 296);

export interface Dock {
  /** Where the sidebar's content goes. */
  body: HTMLElement;
  /** Shows the panel beside the open thread (and narrows Gmail); does nothing when shown. */
  mount(): void;
  /** Takes the panel away (no thread open) and gives Gmail its width back. */
  unmount(): void;
  /** The panel's words and language. */
  setStrings(t: T, lang: string): void;
  /** Follows Gmail's theme and density again (they changed). */
  refreshLook(): void;
}

export function createDock(doc: Document = document): Dock {
  const host = h("div", { id: "staffsuite-sidebar" });
  const shadow = host.attachShadow({ mode: "open" });
  const heading = h("h1", { tabindex: -1 }, "StaffSuite");
  const toggle = h("button", { type: "button", class: "icon-btn", "data-testid": "staffsuite-toggle", "aria-expanded": "true" });
  const body = h("div", { class: "body", "data-testid": "staffsuite-body" });
  const panel = h("aside", { class: "panel", "aria-label": "StaffSuite", "data-testid": "staffsuite-panel" }, h("header", {}, toggle, heading), body);
  shadow.append(h("style", {}, SIDEBAR_CSS), panel);
  const pageStyle = h("style", { id: "staffsuite-dock-style" }, PAGE_RULE);
  let collapsed = false;
  let strings: { collapse: string; expand: string } = { collapse: "–", expand: "+" };

  const width = () => (collapsed ? STRIP_PX : expandedWidth());
  function layout() {
    panel.classList.toggle("collapsed", collapsed);
    panel.style.width = `${width()}px`;
    toggle.setAttribute("aria-expanded", String(!collapsed));
    toggle.setAttribute("aria-label", collapsed ? strings.expand : strings.collapse);
    toggle.title = collapsed ? strings.expand : strings.collapse;
    toggle.textContent = collapsed ? "‹" : "›";
    if (!host.isConnected) return;
    const root = doc.documentElement;
    const before = root.style.getPropertyValue("--staffsuite-dock-width");
    root.style.setProperty("--staffsuite-dock-width", `${width()}px`);
    root.classList.add(DOCKED);
    if (before !== `${width()}px`) dispatchEvent(new Event("resize"));
  }

  function setCollapsed(value: boolean, remember: boolean) {
    collapsed = value;
    layout();
    if (remember) void chrome.storage.local.set({ sidebarCollapsed: value });
  }
  toggle.addEventListener("click", () => setCollapsed(!collapsed, true));
  void chrome.storage.local.get("sidebarCollapsed").then((s) => setCollapsed(Boolean(s.sidebarCollapsed), false));
  chrome.storage.onChanged.addListener((changes) => {
    if (changes.sidebarCollapsed) setCollapsed(Boolean(changes.sidebarCollapsed.newValue), false);
  });
  addEventListener("resize", () => {
    if (host.isConnected && !collapsed) layout();
  });

  const leave = () => {
    const main = doc.querySelector<HTMLElement>('[role="main"]');
    if (main) {
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus();
    } else (shadow.activeElement as HTMLElement | null)?.blur();
  };
  doc.addEventListener(
    "keydown",
    (e) => {
      if (!(e.altKey && e.shiftKey && e.code === "KeyS") || !host.isConnected) return;
      e.preventDefault();
      e.stopPropagation();
      if (doc.activeElement === host) return leave();
      if (collapsed) setCollapsed(false, true);
      heading.focus();
    },
    true,
  );
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") leave();
  });

  return {
    body,
    mount() {
      if (host.isConnected) return;
      if (!pageStyle.isConnected) (doc.head ?? doc.documentElement).append(pageStyle);
      // On <html>, not in Gmail's body: the body is what we narrow, and its changes are Gmail's navigation.
      doc.documentElement.append(host);
      this.refreshLook();
      layout();
    },
    unmount() {
      if (!host.isConnected) return;
      host.remove();
      doc.documentElement.classList.remove(DOCKED);
      doc.documentElement.style.removeProperty("--staffsuite-dock-width");
      dispatchEvent(new Event("resize"));
    },
    setStrings(t, lang) {
      panel.setAttribute("lang", lang);
      heading.textContent = t("title");
      strings = { collapse: t("collapseSidebar"), expand: t("expandSidebar") };
      panel.setAttribute("aria-label", `${t("title")} — ${t("sidebarShortcut")}`);
      layout();
    },
    refreshLook() {
      panel.classList.toggle("dark", gmailIsDark(doc));
      panel.classList.toggle("compact", gmailIsCompact(doc));
    },
  };
}
