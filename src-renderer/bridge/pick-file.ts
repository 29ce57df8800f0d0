import type { FileFilter, Picked, PickedFile } from '../../src-shared/ipc/contract';
import { fileTooLargeIssue, fileUnreadableIssue } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/model/results';

/** `accept` attribute for an `<input type=file>` from dialog filters: `.xlsx,.csv`; '' (any file) when a filter has `*`. */
export function acceptFromFilters(filters: FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions);
  if (extensions.includes('*')) return '';
  return extensions.map((ext) => `.${ext.toLowerCase()}`).join(',');
}

/**
 * Shows the browser's file picker and reads the chosen file whole.
 * The input is attached to the document (hidden) while it is open so that end-to-end tests can
 * drive it with Playwright's `filechooser` event or `setInputFiles` on `[data-bridge-file-input]`.
 */
export function pickFile(filters: FileFilter[], maxBytes: number): Promise<Result<Picked<PickedFile>>> {
  return pickWithInput(
    (input) => {
      input.accept = acceptFromFilters(filters);
      input.setAttribute('data-bridge-file-input', '');
    },
    (files) => readPicked(files[0]!, maxBytes),
  );
}

/**
 * Shows a hidden `<input type=file>` set up by `configure`; `read` turns what was chosen into the
 * answer. Closing the picker, or choosing nothing, is `cancelled`.
 */
export function pickWithInput<T>(configure: (input: HTMLInputElement) => void, read: (files: File[]) => Promise<Result<Picked<T>>>): Promise<Result<Picked<T>>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    configure(input);
    const finish = (result: Result<Picked<T>>): void => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => finish({ ok: true, value: { kind: 'cancelled' }, issues: [] }), { once: true });
    input.addEventListener(
      'change',
      () => {
        const files = [...(input.files ?? [])];
        if (files.length === 0) {
          finish({ ok: true, value: { kind: 'cancelled' }, issues: [] });
          return;
        }
        void read(files).then(finish);
      },
      { once: true },
    );
    document.body.append(input);
    input.click();
  });
}

export async function readPicked(file: File, maxBytes: number): Promise<Result<Picked<PickedFile>>> {
  if (file.size > maxBytes) return { ok: false, issues: [fileTooLargeIssue(file.name, file.size, maxBytes)] };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { ok: true, value: { kind: 'picked', file: { name: file.name, bytes } }, issues: [] };
  } catch (error) {
    return { ok: false, issues: [fileUnreadableIssue(file.name, error instanceof Error ? error.message : String(error))] };
  }
}
