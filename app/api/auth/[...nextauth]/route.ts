import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

// next-auth's endpoints (session, signout) over the session cookie the portal sign-in issues.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
