/**
 * 联网报送 on this device (schema version 3): the upload queue with each queued workbook's bytes,
 * and the device's enrollment and key. The scheduling rules are `src-shared/sync/upload-queue`;
 * the loop that sends is `src-renderer/sync/clerk-sync.ts`. None of this goes into a backup.
 */
import type { Result } from '../../../src-shared/model';
import { newUploadItem, retryNow, type UploadItem } from '../../../src-shared/sync/upload-queue';
import type { OutboxRecord } from '../schema';
import { Refusal, refuse } from './store-core';
import type { SubmissionEntry } from './types';
import { BackupPart } from './backup-store';

/** What the server answered at enrollment, kept to show 开发区 / 市 and to sign requests. */
export interface Enrollment {
  server: string;
  deviceId: string;
  role: 'zone' | 'reader';
  cityCode: string;
  cityName: string;
  zoneId: string | null;
  zoneName: string | null;
  enrolledAt: string;
}

const ENROLLMENT = 'enrollment';
const DEVICE_KEY = 'deviceKey';

export class SyncPart extends BackupPart {
  async getEnrollment(): Promise<Enrollment | undefined> {
    return (await this.db.syncState.get(ENROLLMENT))?.value as Enrollment | undefined;
  }

  /** Stores the enrollment and the key pair it was made with, together. */
  async saveEnrollment(enrollment: Enrollment, deviceKey: unknown): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      await this.db.syncState.put({ key: ENROLLMENT, value: enrollment });
      await this.db.syncState.put({ key: DEVICE_KEY, value: deviceKey });
    });
  }

  /** The device's key pair (a CryptoKeyPair whose private key cannot be exported). */
  async getDeviceKey(): Promise<unknown> {
    return (await this.db.syncState.get(DEVICE_KEY))?.value;
  }

  /** Forgets the enrollment and the key; queued uploads stay (shown 待上传) until enrolled again. */
  async clearEnrollment(): Promise<void> {
    await this.db.syncState.bulkDelete([ENROLLMENT, DEVICE_KEY]);
  }

  async getSyncValue<T>(key: string): Promise<T | undefined> {
    return (await this.db.syncState.get(key))?.value as T | undefined;
  }

  async setSyncValue(key: string, value: unknown): Promise<void> {
    if (key === ENROLLMENT || key === DEVICE_KEY) throw new Error(`${key} is set by saveEnrollment`);
    await this.db.syncState.put({ key, value });
  }

  /**
   * recordSubmission plus, in the same transaction, the upload of the workbook's bytes queued:
   * the return is locked, the outbox entry and the queued upload exist together or not at all.
   */
  async recordSubmissionAndQueue(entry: SubmissionEntry, bytes: Uint8Array, who: string): Promise<Result<OutboxRecord>> {
    return this.write([this.db.returns, this.db.outbox, this.db.auditLog, this.db.uploads, this.db.uploadBodies], async () => {
      const recorded = await this.recordSubmission(entry, who);
      if (!recorded.ok) throw new Refusal(recorded.issues);
      await this.db.uploads.put(newUploadItem({ submissionId: entry.submissionId, revision: entry.revision, returnId: entry.returnId, sha256: entry.sha256, fileName: entry.fileName }, this.now().getTime()));
      await this.db.uploadBodies.put({ submissionId: entry.submissionId, bytes: new Uint8Array(bytes) });
      return recorded.value;
    });
  }

  /** Queues an exported workbook already in the outbox (exported before the device enrolled). */
  async queueUpload(entry: { submissionId: string; revision: number; returnId: string; sha256: string; fileName: string }, bytes: Uint8Array): Promise<Result<UploadItem>> {
    return this.write([this.db.uploads, this.db.uploadBodies], async () => {
      if ((await this.db.uploads.get(entry.submissionId)) !== undefined) refuse('upload-exists', '这份报送工作簿已经在上传队列中。');
      const item = newUploadItem(entry, this.now().getTime());
      await this.db.uploads.put(item);
      await this.db.uploadBodies.put({ submissionId: entry.submissionId, bytes: new Uint8Array(bytes) });
      return item;
    });
  }

  async listUploads(): Promise<UploadItem[]> {
    return this.db.uploads.toArray();
  }

  async putUpload(item: UploadItem): Promise<void> {
    await this.db.uploads.put(item);
  }

  async uploadBytes(submissionId: string): Promise<Uint8Array | undefined> {
    return (await this.db.uploadBodies.get(submissionId))?.bytes;
  }

  /** The clerk's 重新上传 of a refused or waiting item. */
  async retryUpload(submissionId: string): Promise<void> {
    await this.db.transaction('rw', this.db.uploads, async () => {
      const item = await this.db.uploads.get(submissionId);
      if (item !== undefined) await this.db.uploads.put(retryNow(item, this.now().getTime()));
    });
  }
}
