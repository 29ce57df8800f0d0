/**
 * Every error the collection server answers with: a stable code (what programs branch on) and
 * the Chinese message shown to the clerk, saying what to do next. The HTTP status is part of the
 * contract too. The body of every error reply is `{ ok: false, error: { code, message, field? } }`.
 */
export const COLLECT_ERRORS = {
  'bad-request': { status: 400, message: '请求有误。' },
  'malformed-json': { status: 400, message: '请求内容不是有效的 JSON，请检查后重新发送。' },
  'invalid-field': { status: 400, message: '请求字段有误。' },
  'unsupported-media-type': { status: 415, message: '请求内容的类型不受支持：报送工作簿请以 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 发送，其余请求用 JSON。' },
  'body-too-large': { status: 413, message: '请求内容超过服务器允许的大小，未接收。报送工作簿过大时请联系市商务局。' },
  'request-timeout': { status: 408, message: '请求在规定时间内没有发送完整，连接已关闭。请检查网络后重新发送。' },
  'unsigned': { status: 401, message: '请求没有设备签名。请先用报送码登记本设备（zone-returns enroll），再发送。' },
  'bad-signature': { status: 401, message: '设备签名无效：请求内容与签名不符。请用本设备的密钥重新发送；仍不行请重新登记设备。' },
  'unknown-device': { status: 401, message: '服务器上没有这台设备。请用市商务局发放的报送码重新登记。' },
  'device-revoked': { status: 403, message: '这台设备已被市商务局停用，不能再报送。请向市商务局申请新的报送码并重新登记。' },
  'clock-skew': { status: 401, message: '请求的时间与服务器相差太多（超过 5 分钟）。请校准本机时间后重新发送。' },
  'replay': { status: 409, message: '这个请求已经收到过（重复的随机数），本次未处理。如需重发，请重新签名发送。' },
  'code-invalid': { status: 403, message: '报送码无效。请核对市商务局发放的报送码。' },
  'code-used': { status: 403, message: '报送码已经用过，不能再次登记。如果不是您本人登记的，请立即告知市商务局停用那台设备。' },
  'code-expired': { status: 403, message: '报送码已过期（有效期 7 天）。请向市商务局申请新的报送码。' },
  'key-in-use': { status: 409, message: '这个公钥已经登记过。请在本设备上生成新的密钥后再登记。' },
  'forbidden': { status: 403, message: '本设备无权进行此操作。' },
  'wrong-zone': { status: 403, message: '报送工作簿所属开发区与本设备登记的开发区不一致，未接收。开发区只能报送本开发区的报表。' },
  'wrong-city': { status: 403, message: '该报送不属于本设备所在的市，无权查看或处理。' },
  'not-a-workbook': { status: 422, message: '上传的文件不是本程序导出的报送工作簿，未接收。' },
  'workbook-draft': { status: 422, message: '这是草稿工作簿（导出草稿），不是报送，未接收。请校验后在程序中点“报送”，再发送报送工作簿。' },
  'workbook-tampered': { status: 422, message: '报送工作簿未通过完整性校验（校验码或表格与数据不符），未接收。请从程序中重新导出后再报送。' },
  'unknown-indicator-set': { status: 422, message: '服务器没有发布该报送工作簿所用的指标体系，未接收。请安装市商务局发布的指标体系后重新填报。' },
  'period-not-in-set': { status: 422, message: '报告期不属于该指标体系（年度或频次不符），未接收。' },
  'submission-conflict': { status: 409, message: '同一报送编号、同一版次已经收到内容不同的工作簿，本次未接收。修改后请按新版次重新导出。' },
  'revision-conflict': { status: 409, message: '本开发区该报告期的这一版次已经由另一个报送编号报送过，本次未接收。请按新版次重新导出。' },
  'not-found': { status: 404, message: '没有找到所请求的内容。' },
  'invalid-transition': { status: 409, message: '该报送当前的状态不能进行此操作。' },
  'rate-limited': { status: 429, message: '本设备发送请求过于频繁，请稍后再试。' },
  'admin-only': { status: 403, message: '管理接口只接受本机管理员的请求。' },
  'not-ready': { status: 503, message: '服务器尚未就绪（数据库未连接或正在升级），请稍后再试。' },
  'network-error': { status: 0, message: '无法连接报送服务器。请检查网络和服务器地址后重试；报送工作簿仍在发件箱中。' },
  'bad-response': { status: 0, message: '服务器的回复不是本协议的格式。请确认服务器地址指向市商务局的报送服务器。' },
  'internal': { status: 500, message: '服务器内部错误，本次请求未保存任何内容。请稍后重试；仍不行请联系市商务局。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type CollectErrorCode = keyof typeof COLLECT_ERRORS;

export interface CollectError {
  code: CollectErrorCode;
  message: string;
  /** The request field, header or workbook location the error is about. */
  field?: string;
  /** Problems found in an uploaded workbook (sheet, cell, expected and found). */
  issues?: Array<{ code: string; message: string }>;
}

export function isCollectErrorCode(code: unknown): code is CollectErrorCode {
  return typeof code === 'string' && Object.hasOwn(COLLECT_ERRORS, code);
}

/** The error reply for a code, with a more precise message where the caller has one. */
export function collectError(code: CollectErrorCode, detail?: { message?: string; field?: string; issues?: CollectError['issues'] }): CollectError {
  const error: CollectError = { code, message: detail?.message ?? COLLECT_ERRORS[code].message };
  if (detail?.field !== undefined) error.field = detail.field;
  if (detail?.issues !== undefined) error.issues = detail.issues;
  return error;
}
