import "server-only";
import { notFound } from "next/navigation";
import { Refused } from "@/lib/errors";

/** A page's read, with a refusal that means "no such thing here" (404) rendered as not-found.tsx. */
export async function notFoundIfRefused<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Refused && error.status === 404) notFound();
    throw error;
  }
}
