/**
 * Business data of one emulated portal: tasks, CRM, activities, workgroups, notifications, disk.
 * Owned by the data/method-families work; this first version only fixes the name.
 */
export interface PortalData {
  /** Notifications sent with im.notify.*: kept so tests can assert on them. */
  notifications: Array<{ id: number; toUserId: number; fromUserId: number | null; message: string; tag: string; kind: "system" | "personal"; createdAt: string }>;
}

export function emptyPortalData(): PortalData {
  return { notifications: [] };
}
