/**
 * Undo and redo over batches of saved edits. A batch is what one action changed (one typed
 * cell, one paste, one clear); undo hands back the batch to reverse, redo the batch to replay.
 */
export class UndoStack<T> {
  private readonly done: T[] = [];
  private readonly undone: T[] = [];

  constructor(private readonly limit = 200) {}

  /** Records a new action; anything that had been undone can no longer be redone. */
  push(batch: T): void {
    this.done.push(batch);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  undo(): T | undefined {
    const batch = this.done.pop();
    if (batch !== undefined) this.undone.push(batch);
    return batch;
  }

  redo(): T | undefined {
    const batch = this.undone.pop();
    if (batch !== undefined) this.done.push(batch);
    return batch;
  }

  /** Puts back a batch whose undo or redo could not be saved, so the clerk can try again. */
  restore(batch: T, from: 'undo' | 'redo'): void {
    if (from === 'undo') {
      if (this.undone.at(-1) === batch) this.undone.pop();
      this.done.push(batch);
    } else {
      if (this.done.at(-1) === batch) this.done.pop();
      this.undone.push(batch);
    }
  }

  /** Forgets a batch whose save was refused, wherever it sits now (later edits may be above it). */
  discard(batch: T): void {
    for (const list of [this.done, this.undone]) {
      const index = list.lastIndexOf(batch);
      if (index >= 0) list.splice(index, 1);
    }
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
