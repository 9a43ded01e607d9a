import { redirect } from "next/navigation";
import { requirePortalSession } from "../guards";

export const dynamic = "force-dynamic";

/** Where an open of the app lands: administrators on Transfer (admin-only), everyone else on Privacy. */
export default async function StartPage() {
  const session = await requirePortalSession();
  redirect(session.isAdmin ? "/transfer" : "/privacy");
}
