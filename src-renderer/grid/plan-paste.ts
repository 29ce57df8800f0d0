/** The part of a grid a paste can reach: its rows and its columns in display order. */
export interface PasteShape {
  rowCount: number;
  /** Column ids in the order the clerk sees them. */
  columns: readonly string[];
  /** Derived and locked cells are left as they are. */
  isEditable(rowIndex: number, colId: string): boolean;
}

export interface PasteCell {
  rowIndex: number;
  colId: string;
  text: string;
}

export interface PastePlan {
  /** Cells of existing rows to fill. */
  cells: PasteCell[];
  /** Block rows that fall below the last row, with the columns they land in (for grids that append). */
  newRows: Array<Array<{ colId: string; text: string }>>;
  /** Block cells that landed on read-only cells and were not pasted. */
  skippedReadOnly: number;
  /** Block cells to the right of the last column. */
  outsideColumns: number;
}

/**
 * Lays a copied block over the grid with its top-left cell on the focused cell, as Excel does.
 * Block rows below the grid go to `newRows`, for the caller to drop or to append.
 */
export function planPaste(block: readonly (readonly string[])[], focus: { rowIndex: number; colId: string }, shape: PasteShape): PastePlan {
  const plan: PastePlan = { cells: [], newRows: [], skippedReadOnly: 0, outsideColumns: 0 };
  const firstColumn = shape.columns.indexOf(focus.colId);
  if (firstColumn < 0) return plan;
  block.forEach((blockRow, r) => {
    const rowIndex = focus.rowIndex + r;
    const newRow: Array<{ colId: string; text: string }> = [];
    blockRow.forEach((text, c) => {
      const colId = shape.columns[firstColumn + c];
      if (colId === undefined) {
        plan.outsideColumns += 1;
        return;
      }
      if (rowIndex >= shape.rowCount) {
        newRow.push({ colId, text });
        return;
      }
      if (!shape.isEditable(rowIndex, colId)) {
        plan.skippedReadOnly += 1;
        return;
      }
      plan.cells.push({ rowIndex, colId, text });
    });
    if (rowIndex >= shape.rowCount) plan.newRows.push(newRow);
  });
  return plan;
}
