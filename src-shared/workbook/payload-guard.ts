/**
 * Checks that a payload read from a workbook has the shape the layout and the app rely on, so a
 * hand-edited or damaged data sheet is reported, never a crash. Says which JSON path is wrong.
 */
import type { SubmissionPayload } from './payload';
import { SUBMISSION_FORMAT } from './payload';

type Check = (value: unknown, path: string, problems: string[]) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str: Check = (v, p, out) => {
  if (typeof v !== 'string') out.push(`${p} 应为文本`);
};
const num: Check = (v, p, out) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) out.push(`${p} 应为数值`);
};
const int: Check = (v, p, out) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) out.push(`${p} 应为整数`);
};
const oneOf =
  (...allowed: string[]): Check =>
  (v, p, out) => {
    if (typeof v !== 'string' || !allowed.includes(v)) out.push(`${p} 应为 ${allowed.join(' / ')} 之一`);
  };
const optional =
  (check: Check): Check =>
  (v, p, out) => {
    if (v !== undefined) check(v, p, out);
  };
const nullable =
  (check: Check): Check =>
  (v, p, out) => {
    if (v !== null) check(v, p, out);
  };
const arrayOf =
  (check: Check): Check =>
  (v, p, out) => {
    if (!Array.isArray(v)) {
      out.push(`${p} 应为数组`);
      return;
    }
    v.forEach((item, i) => check(item, `${p}[${i}]`, out));
  };
const recordOf =
  (check: Check): Check =>
  (v, p, out) => {
    if (!isRecord(v)) {
      out.push(`${p} 应为对象`);
      return;
    }
    for (const [key, item] of Object.entries(v)) check(item, `${p}.${key}`, out);
  };
const object =
  (shape: Record<string, Check>): Check =>
  (v, p, out) => {
    if (!isRecord(v)) {
      out.push(`${p} 应为对象`);
      return;
    }
    for (const [key, check] of Object.entries(shape)) check(v[key], `${p}.${key}`, out);
  };
const either =
  (...checks: Check[]): Check =>
  (v, p, out) => {
    const attempts = checks.map((check) => {
      const found: string[] = [];
      check(v, p, found);
      return found;
    });
    if (attempts.every((found) => found.length > 0)) out.push(...(attempts[0] ?? []));
  };
const primitive: Check = (v, p, out) => {
  if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) out.push(`${p} 应为文本、数值、是否或空`);
};
const stringArray = arrayOf(str);

const computed = either(
  object({ ok: (v, p, out) => v !== true && out.push(`${p} 应为 true`), value: num }),
  object({ ok: (v, p, out) => v !== false && out.push(`${p} 应为 false`), reason: str, detail: str }),
);
const currentFigure = either(computed, object({ ok: (v, p, out) => v !== true && out.push(`${p} 应为 true`), text: str }));

const indicator = object({
  code: str,
  name: str,
  unit: str,
  decimals: int,
  kind: oneOf('number', 'integer', 'percent', 'text'),
  zoneTypes: stringArray,
  targetGrowthPercent: optional(num),
});

const indicatorSet = object({
  id: str,
  version: str,
  name: str,
  sections: arrayOf(object({ id: str, title: str, kind: oneOf('indicators', 'text'), indicators: arrayOf(indicator) })),
  roster: object({
    fields: arrayOf(object({ code: str, name: str, type: oneOf('text', 'number', 'boolean', 'date'), unit: optional(str), decimals: optional(int) })),
    keyFields: stringArray,
  }),
  rules: arrayOf(object({ kind: str, id: str })),
});

const zoneReturn = object({
  format: oneOf('zone-returns/return@1'),
  indicatorSet: object({ id: str, version: str }),
  zoneId: str,
  period: object({ year: int, endMonth: int, frequency: oneOf('quarter', 'month') }),
  values: recordOf(object({ current: optional(nullable(either(num, str))), lastYear: optional(nullable(num)) })),
  roster: arrayOf((v, p, out) => {
    object({ id: str })(v, p, out);
    if (isRecord(v)) for (const [key, item] of Object.entries(v)) primitive(item, `${p}.${key}`, out);
  }),
  explanations: recordOf(str),
  cover: object({ unitHead: optional(str), statisticsHead: optional(str), filler: optional(str), phone: optional(str), reportDate: optional(str) }),
});

const issueTarget = either(
  object({ kind: oneOf('indicator'), code: str, column: oneOf('current', 'lastYear') }),
  object({ kind: oneOf('roster'), rowId: str, field: str }),
  object({ kind: oneOf('text'), code: str }),
  object({ kind: oneOf('return') }),
);

const payloadShape = object({
  format: oneOf(SUBMISSION_FORMAT),
  submissionId: str,
  revision: int,
  exportedAt: str,
  periodLabel: str,
  zone: object({ id: str, name: str, cityName: str, county: str, type: oneOf('industrial', 'tourism', 'agricultural') }),
  indicatorSet,
  return: zoneReturn,
  figures: object({
    figures: recordOf(
      object({
        code: str,
        current: optional(currentFigure),
        lastYear: optional(computed),
        growthPercent: optional(computed),
        targetGrowthPercent: optional(num),
        gapPoints: optional(computed),
        comparison: optional(oneOf('高于', '低于', '持平')),
      }),
    ),
  }),
  issues: arrayOf(object({ code: str, severity: oneOf('error', 'warning'), key: str, message: str, target: issueTarget })),
  draft: optional((v, p, out) => v !== true && out.push(`${p} 应为 true 或不出现`)),
});

/** Problems with the payload's shape, each naming its JSON path; none means it is a `SubmissionPayload`. */
export function payloadProblems(value: unknown): string[] {
  const problems: string[] = [];
  payloadShape(value, '$', problems);
  return problems;
}

export function isSubmissionPayload(value: unknown): value is SubmissionPayload {
  return payloadProblems(value).length === 0;
}
