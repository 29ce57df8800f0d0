/**
 * Checks the tables of a backup file (or of an old database read for an upgrade) before any of
 * it is written: every table known for its schema version, every row an object whose key fields
 * have the right types. It checks what the database and the code rely on, not every field.
 */
import type { Result, UserIssue } from '../../src-shared/model';
import { INBOX_TABLE_NAMES, RETURN_STATUSES, TABLE_NAMES, V1_TABLE_NAMES, type Tables, type V1Tables } from './schema';

type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const numOrNull: Check = (v) => v === null || v === undefined || num(v);
const obj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr: Check = (v) => Array.isArray(v);
const status: Check = (v) => RETURN_STATUSES.some((s) => s === v);
const v1Status: Check = (v) => status(v) && v !== '退回修改';
const period: Check = (v) => obj(v) && num(field(v, 'year')) && num(field(v, 'endMonth')) && str(field(v, 'frequency'));
const setRef: Check = (v) => obj(v) && str(field(v, 'id')) && str(field(v, 'version'));

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

const V2_CHECKS: Record<keyof Tables, Record<string, Check>> = {
  zones: { id: str, edits: obj },
  returns: { id: str, zoneId: str, periodKey: str, period, indicatorSet: setRef, status, revision: num, cover: obj },
  values: { returnId: str, code: str, current: numOrNull, lastYear: numOrNull },
  texts: { returnId: str, code: str, text: str },
  rosterRows: { id: str, zoneId: str, position: num },
  explanations: { returnId: str, key: str, text: str },
  auditLog: { seq: num, at: str, who: str, table: str, key: str, field: str },
  importBatches: { id: str, zoneId: str, insertedRowIds: arr, rowsBefore: arr, rowsAfter: arr, valuesBefore: arr },
  ledgerMappings: { signature: str, mapping: obj },
  outbox: { submissionId: str, returnId: str, revision: num, sha256: str, snapshot: str },
  settings: { key: str },
  inboxItems: { id: str, fileName: str, fileSha256: str, receivedAt: str, intact: (v) => typeof v === 'boolean', problems: arr },
  inboxFiles: { id: str, base64: str },
  referenceFigures: { cityCode: str, periodKey: str, provinceAverageGrowthPct: obj, provinceRank: obj },
};

const V1_CHECKS: Record<keyof V1Tables, Record<string, Check>> = {
  zones: { id: str, name: str },
  returns: { id: str, zoneId: str, periodKey: str, period, indicatorSet: setRef, status: v1Status, cover: obj },
  values: { returnId: str, code: str, current: (v) => str(v) || numOrNull(v), lastYear: numOrNull },
  rosterRows: { id: str, returnId: str },
  explanations: { returnId: str, key: str, text: str },
  auditLog: { at: str, who: str, key: str, field: str },
  settings: { key: str },
};

const MAX_ISSUES = 10;

function checkTables(raw: unknown, names: readonly string[], checks: Record<string, Record<string, Check>>, version: number): UserIssue[] {
  const issues: UserIssue[] = [];
  const add = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ code: 'backup-bad-table', severity: 'error', message, location: { path } });
  };
  if (!obj(raw)) {
    add('tables', '备份文件缺少数据表（tables），文件不完整或不是本程序的备份。请换一个备份文件。');
    return issues;
  }
  const tables = raw as Record<string, unknown>;
  for (const name of Object.keys(tables)) {
    if (!names.includes(name)) add(`tables.${name}`, `备份文件含有第 ${version} 版数据库中没有的数据表“${name}”，不是本程序的备份或已被改动。请换一个备份文件。`);
  }
  for (const name of names) {
    const rows = tables[name];
    if (!Array.isArray(rows)) {
      add(`tables.${name}`, `备份文件缺少数据表“${name}”，文件不完整。请换一个备份文件。`);
      continue;
    }
    const tableChecks = checks[name] ?? {};
    rows.forEach((row: unknown, index) => {
      if (!obj(row)) {
        add(`tables.${name}[${index}]`, `备份文件的数据表“${name}”第 ${index + 1} 条记录不是对象，文件已损坏。请换一个备份文件。`);
        return;
      }
      for (const [fieldName, check] of Object.entries(tableChecks)) {
        if (!check(field(row, fieldName))) {
          add(`tables.${name}[${index}].${fieldName}`, `备份文件的数据表“${name}”第 ${index + 1} 条记录的“${fieldName}”缺失或类型不对，文件已损坏。请换一个备份文件。`);
        }
      }
    });
  }
  return issues;
}

export function validateTablesV2(raw: unknown, version = 2): Result<Tables> {
  // A version-2 backup predates the inbox (version 3): its inbox tables are empty.
  const withInbox = version < 3 && obj(raw) ? { ...Object.fromEntries(INBOX_TABLE_NAMES.map((n) => [n, []])), ...(raw as Record<string, unknown>) } : raw;
  const issues = checkTables(withInbox, TABLE_NAMES, V2_CHECKS, version);
  raw = withInbox;
  // Checked above: every table present and every row has the fields the code relies on.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: raw as Tables, issues: [] };
}

export function validateTablesV1(raw: unknown): Result<V1Tables> {
  const issues = checkTables(raw, V1_TABLE_NAMES, V1_CHECKS, 1);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: raw as V1Tables, issues: [] };
}
