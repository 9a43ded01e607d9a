// App lifecycle: install, sign-in inside the iframe, portal events. Route handlers call these.
export { checkPostOrigin, readPortalPost, PORTAL_POST_MAX_BYTES, type PortalPost } from "./portal-post";
export { PortalAuthError, PortalNotSetUpError, verifyPortalAuth, type VerifiedPortalUser } from "./verify-portal-auth";
export { installFromPost, BOUND_EVENTS, eventHandlerUrl, appHandlerUrl, type InstallHooks, type InstalledPortal } from "./install";
export { signInFromPost } from "./sign-in";
export { handleEvent, parseEventForm, EventAuthError, type EventHooks, type EventOutcome, type PortalEvent } from "./events";
export { readPortalConnection } from "./portals";
export type { LifecycleDeps } from "./deps";
export { acceptEvent, acceptPortalPost, EVENT_MAX_BYTES, type DoorGuard } from "./doors";
export { sessionOf } from "./sign-in";
