/** What every portal page's chrome is drawn from (render.ts) and what its parts read (notifications, profiles). */
import type { Portal, PortalLang, PortalUser } from "../state/types";
import type { Labels } from "./i18n";

export interface ChromeModel {
  portal: Portal;
  /** Path prefix of the portal's pages: "" (every portal is the root of its own origin). */
  base: string;
  lang: PortalLang;
  labels: Labels;
  viewer: PortalUser;
  /** Where the user switcher returns to. */
  here: string;
  title: string;
  activeClientId: string | null;
}
