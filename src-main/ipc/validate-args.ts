/**
 * Checks of what the renderer sends, per channel. The renderer is not trusted: a malformed
 * argument is a bug or an attack, so the handler refuses it (the invoke rejects) rather than
 * returning a user-facing Result.
 */
import {
  MAX_FILE_BYTES,
  type ArgsOf,
  type BackupSaveArgs,
  type Channel,
  type FileFilter,
  type LedgerPickArgs,
  type OpenFileArgs,
  type OpenFolderArgs,
  type PrintToPdfArgs,
  type SaveFileArgs,
} from '../../src-shared/ipc/contract';
import type { MappingTarget, TargetType } from '../../src-shared/ledger/types';
import type { Unit } from '../../src-shared/model/indicator-set';
import { UNITS } from '../../src-shared/seeds/parse-indicator-set';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

type Validator<K extends Channel> = (raw: unknown) => Checked<ArgsOf<K>>;

const MAX_NAME_LENGTH = 200;
const MAX_FILTERS = 10;
const MAX_EXTENSIONS = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: string[]): string | null {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  return extra.length > 0 ? `unexpected field(s) ${extra.join(', ')}` : null;
}

/** A plain base name: no directories, no control characters, not empty. */
export function checkBaseName(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: `${field} must be a non-empty string` };
  if (raw.length > MAX_NAME_LENGTH) return { ok: false, reason: `${field} is longer than ${MAX_NAME_LENGTH} characters` };
  if (/[/\\\u0000-\u001f]/.test(raw) || raw === '.' || raw === '..') return { ok: false, reason: `${field} must be a file name without a directory` };
  return { ok: true, value: raw };
}

function checkBytes(raw: unknown, field: string): Checked<Uint8Array> {
  if (!(raw instanceof Uint8Array)) return { ok: false, reason: `${field} must be a Uint8Array` };
  if (raw.byteLength > MAX_FILE_BYTES) return { ok: false, reason: `${field} is larger than ${MAX_FILE_BYTES} bytes` };
  return { ok: true, value: raw };
}

export function checkFilters(raw: unknown): Checked<FileFilter[]> {
  if (!Array.isArray(raw) || raw.length > MAX_FILTERS) return { ok: false, reason: `filters must be an array of at most ${MAX_FILTERS}` };
  const filters: FileFilter[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.length > MAX_NAME_LENGTH) return { ok: false, reason: 'each filter needs a name' };
    const extensions = item.extensions;
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) return { ok: false, reason: 'each filter needs 1–20 extensions' };
    const valid = extensions.filter((ext): ext is string => typeof ext === 'string' && /^(\*|[A-Za-z0-9]{1,10})$/.test(ext));
    if (valid.length !== extensions.length) return { ok: false, reason: 'extensions are letters and digits without the dot' };
    filters.push({ name: item.name, extensions: valid });
  }
  return { ok: true, value: filters };
}

const MAX_TARGETS = 2000;
const MAX_WORDS = 200;
const TARGET_TYPES: readonly TargetType[] = ['text', 'number', 'boolean', 'date'];

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH;
}

function checkWords(raw: unknown, field: string): Checked<string[] | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  if (!Array.isArray(raw) || raw.length > MAX_WORDS || !raw.every(isShortString)) return { ok: false, reason: `${field} must be a list of short strings` };
  return { ok: true, value: raw.filter(isShortString) };
}

function checkTarget(raw: unknown, index: number): Checked<MappingTarget> {
  const at = `targets[${index}]`;
  if (!isRecord(raw)) return { ok: false, reason: `${at} must be an object` };
  const extra = hasOnlyKeys(raw, ['code', 'name', 'type', 'unit', 'synonyms', 'requireWords', 'excludeWords', 'required', 'options']);
  if (extra) return { ok: false, reason: `${at}: ${extra}` };
  const { code, name, type, unit, required } = raw;
  if (!isShortString(code) || code === '' || !isShortString(name)) return { ok: false, reason: `${at} needs a code and a name` };
  const targetType = TARGET_TYPES.find((t) => t === type);
  if (!targetType) return { ok: false, reason: `${at}.type must be one of ${TARGET_TYPES.join(', ')}` };
  const knownUnit: Unit | undefined = UNITS.find((u) => u === unit);
  if (unit !== undefined && !knownUnit) return { ok: false, reason: `${at}.unit is not a known unit` };
  if (required !== undefined && typeof required !== 'boolean') return { ok: false, reason: `${at}.required must be a boolean` };
  const synonyms = checkWords(raw.synonyms, `${at}.synonyms`);
  if (!synonyms.ok) return synonyms;
  if (!synonyms.value) return { ok: false, reason: `${at}.synonyms is required` };
  const target: MappingTarget = { code, name, type: targetType, synonyms: synonyms.value };
  if (knownUnit) target.unit = knownUnit;
  if (required !== undefined) target.required = required;
  for (const key of ['requireWords', 'excludeWords', 'options'] as const) {
    const words = checkWords(raw[key], `${at}.${key}`);
    if (!words.ok) return words;
    if (words.value) target[key] = words.value;
  }
  return { ok: true, value: target };
}

function checkLedgerPick(raw: unknown): Checked<LedgerPickArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['targets', 'sheet']);
  if (extra) return { ok: false, reason: extra };
  if (!Array.isArray(raw.targets) || raw.targets.length > MAX_TARGETS) return { ok: false, reason: `targets must be an array of at most ${MAX_TARGETS}` };
  const targets: MappingTarget[] = [];
  for (const [index, item] of raw.targets.entries()) {
    const target = checkTarget(item, index);
    if (!target.ok) return target;
    targets.push(target.value);
  }
  if (raw.sheet === undefined) return { ok: true, value: { targets } };
  if (!isShortString(raw.sheet)) return { ok: false, reason: 'sheet must be a sheet name' };
  return { ok: true, value: { targets, sheet: raw.sheet } };
}

function checkVoid(raw: unknown): Checked<void> {
  return raw === undefined ? { ok: true, value: undefined } : { ok: false, reason: 'this channel takes no argument' };
}

function checkSaveFile(raw: unknown): Checked<SaveFileArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['suggestedName', 'bytes', 'filters']);
  if (extra) return { ok: false, reason: extra };
  const suggestedName = checkBaseName(raw.suggestedName, 'suggestedName');
  if (!suggestedName.ok) return suggestedName;
  const bytes = checkBytes(raw.bytes, 'bytes');
  if (!bytes.ok) return bytes;
  const filters = checkFilters(raw.filters);
  if (!filters.ok) return filters;
  return { ok: true, value: { suggestedName: suggestedName.value, bytes: bytes.value, filters: filters.value } };
}

function checkOpenFile(raw: unknown): Checked<OpenFileArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['filters', 'maxBytes']);
  if (extra) return { ok: false, reason: extra };
  const filters = checkFilters(raw.filters);
  if (!filters.ok) return filters;
  const maxBytes = raw.maxBytes;
  if (maxBytes === undefined) return { ok: true, value: { filters: filters.value } };
  if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes <= 0 || maxBytes > MAX_FILE_BYTES) {
    return { ok: false, reason: `maxBytes must be an integer in 1..${MAX_FILE_BYTES}` };
  }
  return { ok: true, value: { filters: filters.value, maxBytes } };
}

function checkOpenFolder(raw: unknown): Checked<OpenFolderArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['extensions', 'maxBytes']);
  if (extra) return { ok: false, reason: extra };
  const { extensions, maxBytes } = raw;
  if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) return { ok: false, reason: 'extensions must be 1–20 extensions' };
  const valid = extensions.filter((ext): ext is string => typeof ext === 'string' && /^[A-Za-z0-9]{1,10}$/.test(ext));
  if (valid.length !== extensions.length) return { ok: false, reason: 'extensions are letters and digits without the dot' };
  if (maxBytes === undefined) return { ok: true, value: { extensions: valid } };
  if (typeof maxBytes !== 'number' || !Number.isInteger(maxBytes) || maxBytes <= 0 || maxBytes > MAX_FILE_BYTES) {
    return { ok: false, reason: `maxBytes must be an integer in 1..${MAX_FILE_BYTES}` };
  }
  return { ok: true, value: { extensions: valid, maxBytes } };
}

function checkPrintToPdf(raw: unknown): Checked<PrintToPdfArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['suggestedName', 'landscape', 'pageSize']);
  if (extra) return { ok: false, reason: extra };
  const suggestedName = checkBaseName(raw.suggestedName, 'suggestedName');
  if (!suggestedName.ok) return suggestedName;
  if (typeof raw.landscape !== 'boolean') return { ok: false, reason: 'landscape must be a boolean' };
  if (raw.pageSize !== 'A4' && raw.pageSize !== 'A3') return { ok: false, reason: "pageSize must be 'A4' or 'A3'" };
  return { ok: true, value: { suggestedName: suggestedName.value, landscape: raw.landscape, pageSize: raw.pageSize } };
}

function checkBackupSave(raw: unknown): Checked<BackupSaveArgs> {
  if (!isRecord(raw)) return { ok: false, reason: 'argument must be an object' };
  const extra = hasOnlyKeys(raw, ['suggestedName', 'bytes']);
  if (extra) return { ok: false, reason: extra };
  const suggestedName = checkBaseName(raw.suggestedName, 'suggestedName');
  if (!suggestedName.ok) return suggestedName;
  const bytes = checkBytes(raw.bytes, 'bytes');
  if (!bytes.ok) return bytes;
  return { ok: true, value: { suggestedName: suggestedName.value, bytes: bytes.value } };
}

export const argValidators: { [K in Channel]: Validator<K> } = {
  'app:info': checkVoid,
  'ledger:pick-and-read': checkLedgerPick,
  'file:save': checkSaveFile,
  'file:open': checkOpenFile,
  'folder:open': checkOpenFolder,
  'print:to-pdf': checkPrintToPdf,
  'backup:save': checkBackupSave,
  'backup:pick': checkVoid,
};
