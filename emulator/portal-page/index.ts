/**
 * STUB: the portal page (the iframe host and frame protocol) is owned by the portal-page work,
 * which replaces this file with the same export. Returning false lets the server answer 404.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PortalPageContext } from "../http/portal-context";

export function handlePortalPage(_req: IncomingMessage, _res: ServerResponse, _ctx: PortalPageContext): boolean | Promise<boolean> {
  return false;
}
