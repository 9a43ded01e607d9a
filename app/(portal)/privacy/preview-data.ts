/** What the preview before an anonymisation or erasure shows (lib/privacy previewFor's answer, as the dialogs hold it). */
export interface PreviewData {
  name: string;
  changes: Array<{ field: string; label: string; current: string; next: string }>;
  /** The records that name the person: the first few listed, all of them counted. */
  records: { total: number; shown: Array<{ type: string; id: number; role: string; link: string }> };
}
