/** A published indicator set is installed only when its canonical JSON matches the checksum the server lists. */
import { sha256Hex } from '../crypto';
import type { IndicatorSet, Result } from '../model';
import { canonicalJson } from '../return';
import { parseIndicatorSet } from '../seeds';
import type { IndicatorSetResponse } from './types';

export function indicatorSetChecksum(set: unknown): string {
  return sha256Hex(canonicalJson(set));
}

export function checkPublishedIndicatorSet(response: IndicatorSetResponse): Result<IndicatorSet> {
  const computed = indicatorSetChecksum(response.set);
  if (computed !== response.summary.sha256) {
    return { ok: false, issues: [{ code: 'set-checksum', severity: 'error', message: `指标体系 ${response.summary.id} ${response.summary.version} 的校验码不符（应为 ${response.summary.sha256}，实为 ${computed}），未安装。请重新下载。` }] };
  }
  return parseIndicatorSet(response.set, `${response.summary.id}@${response.summary.version}`);
}
