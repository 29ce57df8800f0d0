/** Holding a ledger's period words against the return's period. */
import type { Period, UserIssue } from '../model';
import { headerPeriod, type HeaderPeriod } from './header-period';
import { periodLabel } from '../period';
import { issue } from './issues';
import { headerParts } from './match-header';
import type { LedgerMapping, LedgerTable } from './types';

/** The period a flattened header ("规上工业增加值 / 1-6月累计") says, from its most specific part that says one. */
export function flattenedHeaderPeriod(header: string): HeaderPeriod | null {
  const parts = headerParts(header);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = headerPeriod(parts[i] ?? '');
    if (p) return p;
  }
  return null;
}

function monthsText(m: { from: number; to: number }): string {
  return m.from === m.to ? `${m.to}月` : `${m.from}–${m.to}月`;
}

/**
 * A warning for each imported value column whose header names other months than the return's
 * period (cumulative 1–endMonth月): a 1-6月 column imported into a 1–3月 return.
 */
export function headerPeriodIssues(table: LedgerTable, mapping: LedgerMapping, period: Period, isValueTarget: (target: string) => boolean): UserIssue[] {
  const issues: UserIssue[] = [];
  for (const c of mapping.columns) {
    if (c.target === null || !isValueTarget(c.target)) continue;
    const said = flattenedHeaderPeriod(c.header);
    if (!said?.months || (said.months.from === 1 && said.months.to === period.endMonth)) continue;
    const col = table.columns[c.column];
    const which = said.column === 'lastYear' ? '上年' : '';
    issues.push(
      issue(
        'header-period-mismatch',
        'warning',
        `「${c.header}」列${col ? `（${col.letter} 列）` : ''}是${which}${monthsText(said.months)}的数，而当前报表是 ${periodLabel(period)}。请确认这一列是否与报表同期；如不是，请换一份同期的台账，或在列映射中不导入这一列。`,
        col ? { sheet: table.sheet, column: col.letter } : { sheet: table.sheet },
        c.header,
      ),
    );
  }
  return issues;
}
