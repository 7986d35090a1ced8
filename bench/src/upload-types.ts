/** What one group upload (upload.js) reports. */
export interface UploadResult {
  readonly provider: string;
  readonly count: number;
  /** Collected every 20,000 rows (`gc` mode): peak RSS then shows retained memory only. */
  readonly gc: boolean;
  readonly added: number;
  readonly calls: number;
  readonly seconds: number;
  /** RSS once the mailer exists, before the upload. */
  readonly startRssMb: number;
  readonly peakRssMb: number;
}
