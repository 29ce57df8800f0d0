/**
 * Shared set-up of the storage tests (not part of the app): a fresh fake IndexedDB per test,
 * a clock that ticks one second per call, and a small zone registry.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Period, ZoneRegistry } from '../../src-shared/model';
import { openRepository, type Repository } from './repository';

export interface TestEnv {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  name: string;
  now: () => Date;
}

export function testEnv(name = 'zone-returns-test'): TestEnv {
  let tick = Date.UTC(2024, 3, 10, 8, 0, 0);
  return {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    name,
    now: () => {
      tick += 1000;
      return new Date(tick);
    },
  };
}

export async function openTestRepository(env: TestEnv = testEnv()): Promise<Repository> {
  const opened = await openRepository(env);
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('\n'));
  return opened.value;
}

export const REGISTRY: ZoneRegistry = {
  format: 'zone-returns/zone-registry@1',
  version: '2024.1',
  cities: [{ code: '140500', name: '晋城市' }],
  zones: [
    { id: 'jincheng-kfq', name: '晋城开发区', cityCode: '140500', county: '城区', type: 'industrial', level: '省级' },
    { id: 'gaoping-kfq', name: '高平开发区', cityCode: '140500', county: '高平市', type: 'industrial', level: '省级' },
    { id: 'lingchuan-lyq', name: '陵川生态文化旅游示范区', cityCode: '140500', county: '陵川县', type: 'tourism', level: '省级' },
  ],
};

export const SET = { id: 'kfq-quarterly', version: '2024.1' };
export const Q1_2024: Period = { year: 2024, endMonth: 3, frequency: 'quarter' };
export const Q1_2023: Period = { year: 2023, endMonth: 3, frequency: 'quarter' };

/** A repository with the registry loaded and the 晋城开发区 2024 Q1 return created. */
export async function repositoryWithReturn(env: TestEnv = testEnv()): Promise<{ repo: Repository; returnId: string }> {
  const repo = await openTestRepository(env);
  await repo.ensureZones(REGISTRY);
  const created = await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2024, indicatorSet: SET }, '张三');
  if (!created.ok) throw new Error(created.issues.map((i) => i.message).join('\n'));
  return { repo, returnId: created.value.id };
}

export function expectOk<T>(result: { ok: true; value: T } | { ok: false; issues: Array<{ message: string }> }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.issues.map((i) => i.message).join('\n')}`);
  return result.value;
}
