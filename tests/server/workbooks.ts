/** Submission workbooks for the server tests and the benchmark, written by the project's own writer from the example returns. */
import { computeReturn } from '../../src-shared/compute';
import { uuidV4 } from '../../src-shared/crypto';
import type { Period, ZoneRegistry } from '../../src-shared/model';
import { exampleReturn, kfqSet } from '../../src-shared/seeds/examples';
import { validateReturn } from '../../src-shared/validate';
import { writeSubmissionWorkbook, type SubmissionZone } from '../../src-shared/workbook';
import { submissionZone } from '../../src-shared/workbook';

export interface MadeWorkbook {
  bytes: Uint8Array;
  submissionId: string;
  revision: number;
  checksum: string;
}

export interface WorkbookSpec {
  zone?: string | SubmissionZone;
  period?: Period;
  revision?: number;
  submissionId?: string;
  /** Changes the return (a figure), so the same identity gets other bytes. */
  bump?: number;
  exportedAt?: string;
  /** A 导出草稿 workbook. */
  draft?: boolean;
}

/** 晋城开发区's 2024 Q1 return, moved to another zone / period / revision as asked. */
export async function makeWorkbook(spec: WorkbookSpec = {}): Promise<MadeWorkbook> {
  const set = kfqSet();
  const ret = exampleReturn('jincheng-kfq-2024-q1');
  const zone = typeof spec.zone === 'object' ? spec.zone : submissionZone(spec.zone ?? 'jincheng-kfq');
  if (!zone) throw new Error(`unknown zone ${String(spec.zone)}`);
  ret.zoneId = zone.id;
  if (spec.period) ret.period = spec.period;
  if (spec.bump !== undefined) {
    const first = Object.values(ret.values).find((v) => typeof v.current === 'number');
    if (first && typeof first.current === 'number') first.current += spec.bump;
  }
  const computed = computeReturn(set, ret, { zoneType: zone.type });
  const issues = validateReturn(set, ret, computed, { zoneType: zone.type });
  const written = await writeSubmissionWorkbook({
    set,
    ret,
    computed,
    issues,
    zone,
    submissionId: spec.submissionId ?? uuidV4(),
    revision: spec.revision ?? 1,
    exportedAt: spec.exportedAt ?? '2024-04-08T08:30:00.000Z',
    ...(spec.draft === true ? { draft: true } : {}),
  });
  return { bytes: written.bytes, submissionId: written.payload.submissionId, revision: written.payload.revision, checksum: written.checksum };
}

/** `count` industrial zones of 晋城市 for load tests (`bench-zone-001` …), beside the built-in registry's. */
export function benchRegistry(count: number): { registry: ZoneRegistry; zones: SubmissionZone[] } {
  const zones: SubmissionZone[] = Array.from({ length: count }, (_, i) => ({
    id: `bench-zone-${String(i + 1).padStart(3, '0')}`,
    name: `测试开发区${i + 1}`,
    cityName: '晋城市',
    county: '城区',
    type: 'industrial',
  }));
  return {
    registry: {
      format: 'zone-returns/zone-registry@1',
      version: 'bench',
      cities: [{ code: '140500', name: '晋城市' }],
      zones: zones.map((z) => ({ id: z.id, name: z.name, cityCode: '140500', county: z.county, type: z.type, level: '省级' })),
    },
    zones,
  };
}
