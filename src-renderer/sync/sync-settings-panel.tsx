import { useState } from 'react';
import type { Repository } from '../db';
import { localTime } from '../../src-shared/format';
import { appSync, useSyncStatus } from './app-sync';

/** 设置 → 联网报送: server address and the bureau's enrollment code; shows what the server knows this device as. */
export function SyncSettingsPanel({ repo }: { repo: Repository }) {
  const status = useSyncStatus(repo);
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const enrolled = status?.enrolled ?? null;

  const enroll = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await appSync(repo).enroll(server, code);
      if (!answer.ok) setMessage({ kind: 'error', text: `登记未成功：${answer.error.message}` });
      else {
        setMessage({ kind: 'info', text: `已登记：${answer.value.zoneName ?? answer.value.cityName}。报送后会自动上传。` });
        setCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  const unenroll = async (): Promise<void> => {
    if (!window.confirm('确定取消本机的联网报送登记吗？本机的设备密钥将被删除，之后需要新的报送码才能再次登记。')) return;
    const done = await appSync(repo).unenroll();
    setMessage(
      done.revokedOnServer
        ? { kind: 'info', text: '已取消登记，服务器上本机的登记已注销。报送工作簿仍可导出为文件报送。' }
        : { kind: 'error', text: `本机已取消登记，但未能通知服务器（${done.message ?? '本机没有设备密钥'}），市商务局的报送情况仍显示本机已联网；可请服务器管理员用 zone-returns server revoke 注销本机。报送工作簿仍可导出为文件报送。` },
    );
  };

  return (
    <div className="panel sync-settings" aria-label="联网报送">
      <h2>联网报送</h2>
      {enrolled !== null ? (
        <>
          <dl className="sync-enrollment">
            <dt>服务器</dt>
            <dd data-testid="sync-server">{enrolled.server}</dd>
            <dt>{enrolled.role === 'zone' ? '开发区' : '身份'}</dt>
            <dd data-testid="sync-zone">{enrolled.role === 'zone' ? enrolled.zoneName : '市商务局（收件）'}</dd>
            <dt>所属市</dt>
            <dd data-testid="sync-city">{enrolled.cityName}</dd>
            <dt>登记时间</dt>
            <dd>{localTime(enrolled.enrolledAt)}</dd>
          </dl>
          <button type="button" onClick={() => void unenroll()}>
            取消登记
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void enroll();
          }}
        >
          <p className="muted">填写市商务局提供的报送服务器地址和报送码。登记后，导出的报送工作簿会自动上传；没有网络时照常导出，联网后自动补传。</p>
          <label>
            服务器地址
            <input name="sync-server" value={server} placeholder="http://192.168.1.20:8787" onChange={(e) => setServer(e.target.value)} />
          </label>
          <label>
            报送码
            <input name="sync-code" value={code} placeholder="7KQ2-M9XD-4RTA" onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || server.trim() === '' || code.trim() === ''}>
            {busy ? '正在登记…' : '登记本机'}
          </button>
        </form>
      )}
      {message !== null && (
        <p className={`notice ${message.kind === 'error' ? 'error' : ''}`} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
