// App lifecycle: install, sign-in inside the iframe, portal events. Route handlers call these.
export { readPortalPost, type PortalPost } from "./portal-post";
export { PortalAuthError, PortalNotSetUpError } from "./verify-portal-auth";
export { installFromPost, appHandlerUrl, type InstallHooks } from "./install";
export { signInFromPost } from "./sign-in";
export { handleEvent, parseEventForm, EventAuthError, type EventOutcome } from "./events";
export { readPortalConnection } from "./portals";
export type { LifecycleDeps } from "./deps";
export { acceptAppCall, acceptEvent, acceptPortalPost } from "./doors";
export { verifyAppCall, type VerifiedAppCall } from "./app-call";
