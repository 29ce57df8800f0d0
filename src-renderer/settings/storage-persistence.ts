/**
 * Persistent storage for the web build's IndexedDB: without it the browser may evict the data
 * when the disk runs low. `navigator.storage.persist()` asks; the answer is shown in 备份与恢复.
 */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export type PersistenceState = 'granted' | 'refused' | 'unsupported';

/** Asks for persistent storage unless it is already granted; never throws. */
export async function requestPersistentStorage(storage: StorageManagerLike | undefined): Promise<PersistenceState> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

export function persistenceMessage(state: PersistenceState): string {
  switch (state) {
    case 'granted':
      return '本机数据已设为持久保存：磁盘空间不足时浏览器不会自动清除。';
    case 'refused':
      return '浏览器未同意持久保存本机数据：磁盘空间不足时数据可能被清除，请经常备份到文件。';
    case 'unsupported':
      return '此浏览器不支持持久保存设置，请经常备份到文件。';
  }
}
