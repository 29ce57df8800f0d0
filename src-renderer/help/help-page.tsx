/**
 * 帮助: one page over the app, opened with F1 (anywhere, the grids included) or the 帮助 button,
 * closed with Esc or 关闭; focus goes back where it was. The words are in help-content.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { BUREAU_SECTIONS, CLERK_SECTIONS, HELP_INTRO, HELP_KEYS, HELP_TITLE, type HelpSection } from './help-content';

/** The window event the 帮助 button and the Electron menu's 使用帮助 send. */
export const HELP_EVENT = 'zone-returns:help';

export function openHelp(target: EventTarget = window): void {
  target.dispatchEvent(new Event(HELP_EVENT));
}

/** The 帮助 button of a header. */
export function HelpButton() {
  return (
    <button type="button" className="help-button" onClick={() => openHelp()} title="帮助（F1）" aria-keyshortcuts="F1">
      帮助
    </button>
  );
}

function Section({ section }: { section: HelpSection }) {
  return (
    <section id={`help-${section.id}`} className="help-section">
      <h3>{section.title}</h3>
      <ul>
        {section.items.map((item) => (
          <li key={item.text}>
            {item.text}
            {item.keys !== undefined && (
              <span className="help-keys">
                {item.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Mounted once around the app: listens for F1 and the help event, and shows the page. */
export function HelpLayer() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const before = useRef<Element | null>(null);

  useEffect(() => {
    const show = (): void => {
      if (!dialog.current) before.current = document.activeElement;
      setOpen(true);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'F1') return;
      // Before the grid or the browser's own help sees it.
      event.preventDefault();
      event.stopPropagation();
      show();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(HELP_EVENT, show);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(HELP_EVENT, show);
    };
  }, []);

  useEffect(() => {
    if (!open) return;
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  useEffect(() => {
    if (open) return;
    const previous = before.current;
    before.current = null;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
  }, [open]);

  if (!open) return null;
  const sections = [...CLERK_SECTIONS, ...BUREAU_SECTIONS];
  return (
    <div className="modal-backdrop help-backdrop" onClick={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="modal help-page" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1} ref={dialog}>
        <div className="help-head">
          <h2 id="help-title">{HELP_TITLE}</h2>
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            关闭（Esc）
          </button>
        </div>
        <p className="help-intro">{HELP_INTRO}</p>
        <nav className="help-toc" aria-label="帮助目录">
          {sections.map((s) => (
            <a key={s.id} href={`#help-${s.id}`} onClick={(e) => {
              e.preventDefault();
              dialog.current?.querySelector(`#help-${s.id}`)?.scrollIntoView({ block: 'start' });
            }}>
              {s.title}
            </a>
          ))}
        </nav>
        {sections.map((s) => (
          <Section key={s.id} section={s} />
        ))}
        <section className="help-section">
          <h3>常用按键</h3>
          <table className="help-key-table">
            <tbody>
              {HELP_KEYS.map((k) => (
                <tr key={k.keys}>
                  <td>
                    <kbd>{k.keys}</kbd>
                  </td>
                  <td>{k.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
