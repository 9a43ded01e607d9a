/** Work in progress: answers 501 until implemented. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http/respond";
import type { EmulatorStore } from "../state/store";
import type { Portal } from "../state/types";

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function handleAuthorize(store: EmulatorStore, portal: Portal, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  sendJson(res, 501, { error: "NOT_IMPLEMENTED", error_description: "not yet" });
}
