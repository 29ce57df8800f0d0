/**
 * The life of a return: 未填 → 填报中 → 已校验 → 已报送 → 退回修改 → (已校验 →) 已报送, revision n + 1.
 * The names are the ones the database stores (src-renderer/db/schema.ts `ReturnStatus`).
 */
export type ReturnState = '未填' | '填报中' | '已校验' | '已报送' | '退回修改';

export const RETURN_STATES: readonly ReturnState[] = ['未填', '填报中', '已校验', '已报送', '退回修改'];

/** What the lifecycle needs to know of a stored return. */
export interface LifecycleRecord {
  state: ReturnState;
  /** Submissions made so far: 0 before the first export; submission n carries revision n. */
  revision: number;
  /** ISO time of the last submission, null before the first. */
  submittedAt: string | null;
  /** The reviewer's reason while the return is 退回修改. */
  reopenReason: string | null;
}

export type LifecycleAction = 'edit' | 'validate' | 'submit' | 'reopen';

/** One line of the audit log for a change of state: who, when, from, to, and why. */
export interface LifecycleEvent {
  at: string;
  who: string;
  action: LifecycleAction;
  from: ReturnState;
  to: ReturnState;
  revision: number;
  reason?: string;
  submissionId?: string;
  fileName?: string;
  sha256?: string;
}

/** Plain words for each state, for badges and tooltips. */
export const STATE_HELP: Record<ReturnState, string> = {
  未填: '尚未填写任何数据。',
  填报中: '正在填写；校验通过并为每条提示填写说明后可标记为已校验。',
  已校验: '无错误，提示均已说明，可以导出报送工作簿。',
  已报送: '已导出报送工作簿，报表已锁定、只读；如需修改，须退回修改并说明原因。',
  退回修改: '已退回修改；改完重新校验后再次导出，版次加一。',
};

/** A submitted return is read-only; every other state may be edited. */
export function isLocked(state: ReturnState): boolean {
  return state === '已报送';
}
