import type { IndicatorSet, Zone } from '../../src-shared/model';
import type { Repository } from '../db';

/**
 * What every screen of the app is given. The import and submission screens (built in
 * src-renderer/import and src-renderer/submission) take these props too: see screen-slots.tsx.
 */
export interface ScreenProps {
  repo: Repository;
  /** The clerk's zone (设置 → 本开发区). */
  zone: Zone;
  /** The clerk's name, recorded in the audit log as who made each change. */
  who: string;
  /** The return open in 填报 (or last opened), if any; its indicator set is `set`. */
  returnId: string | null;
  /** The indicator set of `returnId`, or the latest built-in set when no return is open. */
  set: IndicatorSet;
  /** Opens a return in the 填报 tab. */
  openReturn(returnId: string): void;
  /** Tell the app the database changed under it (an import, a restore): every screen reloads. */
  dataChanged(): void;
}
