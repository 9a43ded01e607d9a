/** What the control API tells about a portal (`GET /_emulator/portals`, `/state`, `/portals/{key}`). */
import { portalBaseUrl, type EmulatorStore } from "../state/store";
import type { Portal } from "../state/types";
import type { Json } from "./route-table";

export function portalSummary(store: EmulatorStore, p: Portal): Json {
  return {
    key: p.key,
    memberId: p.memberId,
    port: p.port,
    domain: p.domain,
    protocol: p.protocol,
    baseUrl: portalBaseUrl(store, p),
    restUrl: `${portalBaseUrl(store, p)}/rest/`,
    plan: p.plan,
    licenseStatus: p.licenseStatus,
    lang: p.lang,
    title: p.title,
    users: p.users.size,
    departments: p.departments.size,
    heavyUserIds: p.data.heavyUserIds,
    installs: [...p.installs.values()].map((i) => ({
      clientId: i.clientId,
      installed: i.installed,
      applicationToken: i.applicationToken,
      installedByUserId: i.installedByUserId,
    })),
  };
}
