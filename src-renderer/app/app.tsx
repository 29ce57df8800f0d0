import '../grid/grid-setup';
import '../styles/app.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IndicatorSet, Zone } from '../../src-shared/model';
import { parsePeriodKey } from '../../src-shared/period';
import { builtinZoneRegistry, findIndicatorSet } from '../../src-shared/seeds';
import { getBridge } from '../bridge';
import type { Repository, Settings } from '../db';
import { ReturnForm } from '../returns/return-form';
import { ReturnList } from '../returns/return-list';
import { setForYear } from '../returns/set-for-year';
import { RosterScreen } from '../roster/roster-screen';
import { rememberedOpenReturn, rememberOpenReturn } from './typing-draft';
import { BackupPanel } from '../settings/backup-panel';
import { BureauWorkspace } from '../bureau/bureau-workspace';
import { UnitPicker } from '../bureau/unit-picker';
import { SettingsForm } from '../settings/settings-form';
import { ZoneRegistryPanel } from '../settings/zone-registry-panel';
import { SyncBadge } from '../sync/sync-badge';
import { SyncSettingsPanel } from '../sync/sync-settings-panel';
import { HelpButton, openHelp } from '../help/help-page';
import { APP_TABS, type AppTab } from './app-tabs';
import { dispatchMenuEdit } from './menu-events';
import type { ScreenProps } from './screen-props';
import { ImportScreenSlot, SubmissionScreenSlot } from './screen-slots';
import { useRepository } from './use-repository';

export function App() {
  const state = useRepository();
  if (state.kind === 'opening') return <p className="muted" style={{ padding: 20 }}>正在打开本机数据…</p>;
  if (state.kind === 'failed') return <p className="notice error" style={{ margin: 20, whiteSpace: 'pre-wrap' }}>{state.message}</p>;
  return <Workspace repo={state.repo} notice={state.notice} />;
}

function Workspace({ repo, notice }: { repo: Repository; notice: string | null }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [zones, setZones] = useState<Zone[]>([]);
  const [tab, setTab] = useState<AppTab>('returns');
  const [openReturnId, setOpenReturnId] = useState<string | null>(null);
  const [lastReturnId, setLastReturnId] = useState<string | null>(null);
  const [lastReturnSet, setLastReturnSet] = useState<IndicatorSet | null>(null);
  const [rosterFocus, setRosterFocus] = useState<{ rowId: string; field: string } | null>(null);
  // The zone being browsed and filled (the list's dropdown, the open return's zone). Never saved:
  // the home zone (设置 → 本开发区) changes only in 设置. null: the home zone.
  const [workZoneId, setWorkZoneId] = useState<string | null>(null);
  // Bumped when the database was replaced under the screens (a restore, an import): they all reload.
  const [dataVersion, setDataVersion] = useState(0);
  const [appNotice, setAppNotice] = useState<string | null>(null);
  const registry = useMemo(() => builtinZoneRegistry(), []);

  useEffect(() => {
    void Promise.all([repo.getSettings(), repo.listZones()]).then(([s, z]) => {
      setSettings(s);
      setZones(z);
    });
  }, [repo, dataVersion]);

  const openReturn = useCallback(
    (returnId: string) => {
      // The record first: the form opens with its own zone (one browsed in the list, or the home zone).
      void repo.getReturn(returnId).then((record) => {
        if (record === undefined) return;
        rememberOpenReturn(returnId);
        setWorkZoneId(record.zoneId);
        setOpenReturnId(returnId);
        setLastReturnId(returnId);
        setTab('returns');
        setLastReturnSet(findIndicatorSet(record.indicatorSet.id, record.indicatorSet.version) ?? null);
        void repo.setSettings({ lastPeriodKey: record.periodKey });
      });
    },
    [repo],
  );

  // After a reload the return that was open opens again (and takes back what was being typed in it).
  useEffect(() => {
    const remembered = rememberedOpenReturn();
    if (remembered === null || settings === null) return;
    void repo.getReturn(remembered).then((record) => {
      if (record === undefined) rememberOpenReturn(null);
      else openReturn(remembered);
    });
    // Once, when the settings first arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings === null]);

  const dataChanged = useCallback(() => {
    rememberOpenReturn(null);
    setOpenReturnId(null);
    setDataVersion((v) => v + 1);
  }, []);

  // The Electron menu's commands. Its 撤销 / 恢复 shortcuts are not registered, so the keys reach the
  // grids; a click on the menu item comes here and goes to the open return.
  useEffect(
    () =>
      getBridge().onMenuCommand((command) => {
        if (command === 'undo' || command === 'redo') dispatchMenuEdit(command);
        else if (command === 'backup' || command === 'restore') setTab('backup');
        else if (command === 'import-ledger') setTab('import');
        else if (command === 'print') setTab('submission');
        else if (command === 'help') openHelp();
      }),
    [],
  );

  if (settings === null) return <p className="muted" style={{ padding: 20 }}>正在读取设置…</p>;
  const homeZone = zones.find((z) => z.id === settings.zoneId);
  const zone = zones.find((z) => z.id === (workZoneId ?? settings.zoneId)) ?? homeZone;
  const who = settings.fillerName ?? '填报人';
  const saveSettings = async (next: Settings): Promise<void> => {
    setSettings(await repo.setSettings(next));
    if (next.zoneId !== settings.zoneId) {
      rememberOpenReturn(null);
      setOpenReturnId(null);
      setLastReturnId(null);
      setLastReturnSet(null);
      setWorkZoneId(null);
    }
  };

  // 本单位 = 市商务局: the bureau's own tabs (src-renderer/bureau).
  if (settings.unitKind === 'bureau' && settings.bureauCityCode !== undefined) {
    return <BureauWorkspace repo={repo} registry={registry} settings={settings} onSaveSettings={saveSettings} />;
  }

  if (zone === undefined || homeZone === undefined) {
    return (
      <div className="app">
        <header className="app-header">
          <h1>开发区季度指标填报</h1>
          <span className="who" />
          <HelpButton />
        </header>
        <main className="app-main">
          {notice !== null && <p className="notice">{notice}</p>}
          <UnitPicker registry={registry} settings={settings} onSave={saveSettings} />
          <SettingsForm registry={registry} zones={zones} settings={settings} firstRun onSave={saveSettings} />
        </main>
      </div>
    );
  }

  const set = lastReturnSet ?? setForYear(new Date().getFullYear());
  // The list opens on the year of the return opened last, which is usually the one being filled.
  const lastYear = settings.lastPeriodKey === undefined ? undefined : parsePeriodKey(settings.lastPeriodKey)?.year;
  const screen: ScreenProps = { repo, zone, who, returnId: lastReturnId, set, openReturn, dataChanged };
  return (
    <div className="app">
      <header className="app-header">
        <h1>开发区季度指标填报</h1>
        <span className="zone-name" title="本开发区（在“设置”中更改）">{homeZone.name}</span>
        {zone.id !== homeZone.id && (
          <span className="zone-browsing" data-testid="browsing-zone">
            正在为 {zone.name} 填报
          </span>
        )}
        <span className="who">
          填表人：{who}
          {settings.phone ? ` · ${settings.phone}` : ''}
        </span>
        <SyncBadge repo={repo} />
        <HelpButton />
      </header>
      <nav className="app-nav" role="tablist">
        {APP_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => {
              setTab(t.id);
              setAppNotice(null);
              if (t.id === 'returns' && tab === 'returns') {
                rememberOpenReturn(null);
                setOpenReturnId(null);
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <main className="app-main" key={dataVersion}>
        {notice !== null && <p className="notice">{notice}</p>}
        {appNotice !== null && (
          <p className="notice" role="status">
            {appNotice}
          </p>
        )}
        {tab === 'returns' &&
          (openReturnId === null ? (
            <ReturnList
              repo={repo}
              zone={zone}
              who={who}
              onOpen={openReturn}
              zones={zones}
              homeZoneId={homeZone.id}
              onZoneChange={(zoneId) => {
                // Browsing another zone: its own returns, roster and cover people; the home zone stays.
                setWorkZoneId(zoneId === homeZone.id ? null : zoneId);
                if (zone.id !== zoneId) {
                  setLastReturnId(null);
                  setLastReturnSet(null);
                }
              }}
              {...(lastYear !== undefined ? { initialYear: lastYear } : {})}
            />
          ) : (
            <ReturnForm
              repo={repo}
              zone={zone}
              who={who}
              returnId={openReturnId}
              onBack={() => {
                rememberOpenReturn(null);
                setOpenReturnId(null);
              }}
              onRosterIssue={(rowId, field) => {
                setRosterFocus({ rowId, field });
                setTab('roster');
              }}
            />
          ))}
        {tab === 'roster' && <RosterScreen repo={repo} zone={zone} who={who} set={set} returnId={lastReturnId} focus={rosterFocus} />}
        {tab === 'import' && <ImportScreenSlot {...screen} />}
        {tab === 'submission' && <SubmissionScreenSlot {...screen} />}
        {tab === 'backup' && (
          <BackupPanel
            repo={repo}
            who={who}
            onRestored={(message) => {
              dataChanged();
              setAppNotice(message);
            }}
          />
        )}
        {tab === 'settings' && (
          <>
            <UnitPicker registry={registry} settings={settings} onSave={saveSettings} />
            <SettingsForm registry={registry} zones={zones} settings={settings} firstRun={false} onSave={saveSettings} />
            <ZoneRegistryPanel repo={repo} registry={registry} zones={zones} who={who} onChanged={() => void repo.listZones().then(setZones)} />
            <SyncSettingsPanel repo={repo} />
          </>
        )}
      </main>
    </div>
  );
}
