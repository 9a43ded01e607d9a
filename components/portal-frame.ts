"use client";

import type { B24Frame } from "@bitrix24/b24jssdk";

let frame: Promise<B24Frame> | undefined;

/**
 * The official SDK's link to the portal page around our iframe, made once per page load (the SDK
 * finds the portal from the frame's name, which survives our own navigations). Rejects outside
 * a portal frame.
 */
export function portalFrame(): Promise<B24Frame> {
  if (typeof window === "undefined" || window.parent === window) return Promise.reject(new Error("not inside a Bitrix24 portal frame"));
  frame ??= import("@bitrix24/b24jssdk").then(({ initializeB24Frame }) => initializeB24Frame());
  frame.catch(() => (frame = undefined));
  return frame;
}
