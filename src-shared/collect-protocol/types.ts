/** The JSON the collection server answers with, version 1 (`/api/v1/`). Documented in docs/collection-api.md. */
import type { Period } from '../model';
import type { CollectError } from './errors';

export const API_PREFIX = '/api/v1';
export const WORKBOOK_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type DeviceRole = 'zone' | 'reader';

/** 已接收 when stored, 退回修改 after the bureau sends it back, 已汇总 once taken into a consolidation. */
export type SubmissionState = '已接收' | '退回修改' | '已汇总';

export interface EnrollRequest {
  code: string;
  /** The new device's Ed25519 public key, base64url (32 bytes). */
  publicKey: string;
  /** Signature by the new key of `enrollmentProof(code, publicKey)`: the device holds the private key. */
  proof: string;
  deviceName?: string;
}

export interface EnrollResponse {
  ok: true;
  deviceId: string;
  role: DeviceRole;
  cityCode: string;
  cityName: string;
  zoneId: string | null;
  zoneName: string | null;
  enrolledAt: string;
}

export interface SubmissionSummary {
  /** The server's sequence number: the cursor of the bureau's list. */
  seq: number;
  submissionId: string;
  revision: number;
  /** The payload SHA-256 the workbook carries. */
  sha256: string;
  /** SHA-256 of the workbook file's bytes as received. */
  bodySha256: string;
  bytes: number;
  zoneId: string;
  zoneName: string;
  cityCode: string;
  period: Period;
  periodLabel: string;
  indicatorSet: { id: string; version: string };
  state: SubmissionState;
  /** The bureau's reason when the state is 退回修改. */
  reason: string | null;
  /** When the bureau last changed the state (its 退回修改 or 已汇总); null while 已接收. */
  stateChangedAt: string | null;
  /** A later revision of the same zone and period has been received. */
  superseded: boolean;
  receivedAt: string;
  deviceId: string;
}

/**
 * The signature travels with the workbook as this record: the server returns it with the upload
 * and the download, and `push` saves it beside the file as `<file>.sig.json`. With it anyone can
 * check which device sent which bytes: SHA-256 of the file = `bodySha256`, which the signed
 * canonical request names, and the Ed25519 signature of `canonicalRequest` under `publicKey`.
 */
export interface UploadSignatureRecord {
  format: 'zone-returns/upload-signature@1';
  algorithm: 'Ed25519';
  submissionId: string;
  revision: number;
  sha256: string;
  bodySha256: string;
  zoneId: string;
  zoneName: string;
  cityCode: string;
  deviceId: string;
  deviceName: string | null;
  publicKey: string;
  canonicalRequest: string;
  signature: string;
  receivedAt: string;
}

export interface UploadResponse {
  ok: true;
  /** True when the same submission id, revision and SHA-256 had been stored before (the answer is the same). */
  duplicate: boolean;
  submission: SubmissionSummary;
  signatureRecord: UploadSignatureRecord;
}

export interface SubmissionListResponse {
  ok: true;
  submissions: SubmissionSummary[];
  /** Pass as `since` to get only what came after; null when the list is empty. */
  cursor: number | null;
}

export interface StateChangeResponse {
  ok: true;
  submission: SubmissionSummary;
}

export interface IndicatorSetSummary {
  id: string;
  version: string;
  year: number;
  name: string;
  /** SHA-256 of the set's canonical JSON. */
  sha256: string;
  publishedAt: string;
}

export interface IndicatorSetListResponse {
  ok: true;
  sets: IndicatorSetSummary[];
}

export interface IndicatorSetResponse {
  ok: true;
  summary: IndicatorSetSummary;
  /** The set as published, targets included (JSON of `zone-returns/indicator-set@1`). */
  set: unknown;
}

export interface ErrorResponse {
  ok: false;
  error: CollectError;
}

export interface DeviceSummary {
  deviceId: string;
  role: DeviceRole;
  cityCode: string;
  zoneId: string | null;
  zoneName: string | null;
  deviceName: string | null;
  publicKey: string;
  enrolledAt: string;
  enrolledFrom: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

/** A device of the city as the bureau's reader sees it (`GET /api/v1/devices`): for 报送情况. */
export interface EnrolledDevice {
  deviceId: string;
  role: DeviceRole;
  zoneId: string | null;
  zoneName: string | null;
  deviceName: string | null;
  enrolledAt: string;
  /** The device's last authenticated request, to the minute; null when it has made none since enrolling. */
  lastSeenAt: string | null;
  /** Set when the device was revoked (by the administrator, or by the app's 取消登记). */
  revokedAt: string | null;
}

export interface DeviceListResponse {
  ok: true;
  devices: EnrolledDevice[];
}

export interface EnrollmentCodeSummary {
  code: string;
  role: DeviceRole;
  cityCode: string;
  zoneId: string | null;
  expires: string;
  createdAt: string;
  usedAt: string | null;
  usedFrom: string | null;
  usedByDevice: string | null;
}
