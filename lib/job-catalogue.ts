/**
 * Every durable job the app knows. The worker entry points run these; the web process enqueues
 * them. This is the one module that gathers jobs from feature folders (features never import
 * each other).
 */
import type { JobDefinition } from "./jobs";
import { selftestJob } from "./jobs";

export const jobCatalogue: JobDefinition[] = [selftestJob as JobDefinition];
