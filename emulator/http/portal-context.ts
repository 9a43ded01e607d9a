/**
 * What the server hands to the portal page (emulator/portal-page/) for every request on a
 * portal's origin that is neither REST nor OAuth.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IssuedTokens } from "../oauth/tokens";
import type { EmulatorStore } from "../state/store";
import type { AppInstall, Portal } from "../state/types";

export interface PortalPageContext {
  store: EmulatorStore;
  portal: Portal;
  /** The portal's public base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  portalUrl: string;
  /** The request's path, starting with "/" (e.g. "/" or "/marketplace/app/x/"). */
  subPath: string;
  /** Issues a fresh token pair for a portal user and an installed app (for AUTH_ID/REFRESH_ID). */
  issueTokens(clientId: string, userId: number): IssuedTokens;
  /** installFinish from the frame: marks the app installed. */
  finishInstall(clientId: string): AppInstall | null;
}

export type PortalPageHandler = (req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext) => boolean | Promise<boolean>;
