/**
 * Registers the contract's handlers with ipcMain, each behind the same two gates: the sender is
 * a top-level frame showing one of the app's own pages, and the arguments pass the channel's check.
 */
import { CHANNELS, type ArgsOf, type Channel } from '../../src-shared/ipc/contract';
import type { Handlers } from './handlers';
import { argValidators } from './validate-args';

/** The part of Electron's IpcMainInvokeEvent the gates read. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike<Event extends InvokeEventLike> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions<Event, Owner> {
  isTrustedUrl(url: string): boolean;
  ownerOf(event: Event): Owner;
  /** Where refused calls are reported (main's log). */
  onRefused?(channel: string, reason: string): void;
}

/** Why the sender may not call, or null when it may. */
export function senderProblem(event: InvokeEventLike, isTrustedUrl: (url: string) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the top-level frame may call the host';
  if (!isTrustedUrl(frame.url)) return `untrusted sender ${frame.url}`;
  return null;
}

export function registerIpcHandlers<Event extends InvokeEventLike, Owner>(
  ipc: IpcMainLike<Event>,
  handlers: Handlers<Owner>,
  options: RegisterOptions<Event, Owner>,
): void {
  const register = <K extends Channel>(channel: K): void => {
    const handler = handlers[channel];
    const validate = argValidators[channel];
    ipc.handle(channel, async (event, ...raw) => {
      const refuse = (reason: string): never => {
        options.onRefused?.(channel, reason);
        throw new Error(`${channel} refused: ${reason}`);
      };
      const problem = senderProblem(event, options.isTrustedUrl);
      if (problem) return refuse(problem);
      if (raw.length > 1) return refuse('more than one argument');
      const args = validate(raw[0]);
      if (!args.ok) return refuse(args.reason);
      return handler(args.value satisfies ArgsOf<K>, { owner: options.ownerOf(event) });
    });
  };
  for (const channel of CHANNELS) register(channel);
}
