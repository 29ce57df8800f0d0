/** The audit log (append-only: nothing here changes or removes a line). */
import type { AuditEntry } from '../schema';
import { ImportPart } from './import-store';

export class AuditPart extends ImportPart {
  async auditTrail(filter: { returnId?: string; zoneId?: string; batchId?: string } = {}): Promise<AuditEntry[]> {
    if (filter.returnId !== undefined) return this.db.auditLog.where('returnId').equals(filter.returnId).sortBy('seq');
    if (filter.batchId !== undefined) return this.db.auditLog.where('batchId').equals(filter.batchId).sortBy('seq');
    if (filter.zoneId !== undefined) return this.db.auditLog.where('zoneId').equals(filter.zoneId).sortBy('seq');
    return this.db.auditLog.orderBy('seq').toArray();
  }
}
