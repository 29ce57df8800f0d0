import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-shared/ipc/contract';
import { createFakeHost } from './fake-host';
import { createHandlers } from './handlers';
import { registerIpcHandlers, senderProblem, type InvokeEventLike } from './register';

interface FakeEvent extends InvokeEventLike {
  sender: string;
}

type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const listeners = new Map<string, Listener>();
  const refused: string[] = [];
  const host = createFakeHost();
  registerIpcHandlers<FakeEvent, string>(
    { handle: (channel, listener) => void listeners.set(channel, listener) },
    createHandlers(host),
    {
      isTrustedUrl: (url) => url.startsWith('app://zone-returns/'),
      ownerOf: (event) => event.sender,
      onRefused: (channel, reason) => refused.push(`${channel}: ${reason}`),
    },
  );
  const call = (channel: string, event: FakeEvent, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, refused, host, call };
}

const appFrame = (url = 'app://zone-returns/index.html'): FakeEvent => ({ sender: 'window-1', senderFrame: { url, parent: null } });

describe('IPC registration', () => {
  it('registers every channel of the contract', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app own top-level page, passing the sender as the owner', async () => {
    const { call, host } = setup();
    host.saveAnswers.push('/d/a.xlsx');
    await expect(call('app:info', appFrame(), undefined)).resolves.toMatchObject({ host: 'electron' });
    await expect(call('file:save', appFrame(), { suggestedName: 'a.xlsx', bytes: new Uint8Array([1]), filters: [] })).resolves.toMatchObject({ ok: true });
    expect(host.calls[0]?.owner).toBe('window-1');
  });

  it.each([
    ['a foreign page', { sender: 'w', senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { sender: 'w', senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a subframe of the app', { sender: 'w', senderFrame: { url: 'app://zone-returns/index.html', parent: {} } }],
    ['a destroyed frame', { sender: 'w', senderFrame: null }],
  ])('refuses %s before doing anything', async (_what, event) => {
    const { call, host, refused } = setup();
    host.openAnswers.push('/d/a.xlsx');
    await expect(call('ledger:pick-and-read', event, { targets: [] })).rejects.toThrow(/refused/);
    expect(host.calls).toEqual([]);
    expect(refused).toHaveLength(1);
  });

  it('refuses malformed arguments and extra arguments without opening a dialog', async () => {
    const { call, host } = setup();
    await expect(call('file:save', appFrame(), { suggestedName: '/etc/passwd', bytes: new Uint8Array(), filters: [] })).rejects.toThrow(/suggestedName/);
    await expect(call('backup:pick', appFrame(), undefined, 'extra')).rejects.toThrow(/more than one/);
    await expect(call('ledger:pick-and-read', appFrame(), '/home/clerk/secret.xlsx')).rejects.toThrow(/must be an object/);
    await expect(call('backup:pick', appFrame(), '/home/clerk/secret.zrbak')).rejects.toThrow(/no argument/);
    expect(host.calls).toEqual([]);
  });

  it('senderProblem names the reason', () => {
    expect(senderProblem(appFrame(), () => true)).toBeNull();
    expect(senderProblem(appFrame('https://x/'), () => false)).toMatch(/untrusted sender https:\/\/x\//);
  });
});
