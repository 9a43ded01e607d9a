/**
 * Workgroups and projects with owners, moderators and members (sonet_group.*). Heavy users own
 * several, so moving a leaving employee's groups has something to move.
 */
import type { Workgroup } from "../state/portal-data";
import { Prng } from "./prng";

const NAMES = [
  "Website relaunch",
  "Q4 sales push",
  "Onboarding 2025",
  "ERP migration",
  "Trade fair Köln",
  "Партнёрская программа",
  "Mobile app",
  "Office move",
  "Security audit",
  "Customer portal",
  "Data warehouse",
  "Brand refresh",
  "Support KB",
  "Hiring: engineers",
  "Budget 2026",
  "Warehouse Łódź",
  "Expansión Madrid",
  "Legal templates",
  "Pricing review",
  "Intranet news",
];

export function generateWorkgroups(seed: number, staffIds: number[], heavyUserIds: number[]): Workgroup[] {
  const rnd = new Prng(seed ^ 0x9a0f);
  const groups: Workgroup[] = [];
  NAMES.forEach((name, i) => {
    const ownerId = i < heavyUserIds.length * 2 ? heavyUserIds[i % heavyUserIds.length] : staffIds[rnd.int(staffIds.length)];
    const members = new Map<number, "A" | "E" | "K">([[ownerId, "A"]]);
    const size = 3 + rnd.int(12);
    for (let k = 0; k < size; k++) {
      const u = staffIds[rnd.int(staffIds.length)];
      if (!members.has(u)) members.set(u, rnd.chance(0.15) ? "E" : "K");
    }
    groups.push({
      id: i + 1,
      name,
      description: rnd.chance(0.5) ? `${name}: shared tasks and files.` : "",
      ownerId,
      project: i % 2 === 0,
      visible: i % 5 !== 3,
      opened: i % 3 === 0,
      closed: i === NAMES.length - 1,
      active: true,
      isExtranet: false,
      createdAt: new Date(Date.UTC(2022, 0, 1) + rnd.int(900) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "+00:00"),
      members,
    });
  });
  return groups;
}
