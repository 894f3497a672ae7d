import { useEffect, useState, type FormEvent } from 'react';
import { REMINDER_KINDS, type ReminderKind } from '@followthrough/shared/contract';
import { AnalysisProgress } from '../../components/options/analysis-progress';
import { DataSection, MemoryOffer } from '../../components/options/data-section';
import { MailboxesSection } from '../../components/options/mailboxes-section';
import { QueueSection } from '../../components/options/queue-section';
import { ServerSection } from '../../components/options/server-section';
import { TeamSection } from '../../components/options/team-section';
import { sendMessage, type SettingsState } from '../../utils/messaging';
import { KIND_DESCRIPTIONS, kindTitle } from '../../utils/notify';
import { completeSettings, DEFAULT_SETTINGS, isSignedIn, type ExtensionSettings } from '../../utils/settings';
import { saveSettingsWithToken, settingsItem } from '../../utils/storage';
import { parseOptionsForm, type OptionsFormValues } from './parse-options';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function toForm(settings: ExtensionSettings): Required<OptionsFormValues> {
  return {
    serverUrl: settings.serverUrl,
    token: settings.token,
    addresses: settings.addresses.join('\n'),
    timeZone: settings.timeZone,
    start: settings.workingHours.start,
    end: settings.workingHours.end,
    days: settings.workingHours.days,
    defaultCadenceDays: settings.defaultCadenceDays === null ? '' : String(settings.defaultCadenceDays),
    notifications: settings.notifications,
    initiationTargetPercent: String(settings.initiationTargetPercent),
    notifyKinds: settings.notifyKinds,
  };
}

/**
 * The options page: the server and signing in, the user's settings (on the server when signed in: one
 * home), notifications per kind, mailboxes, changes waiting for the server, and the user's data.
 */
export function OptionsForm() {
  const [form, setForm] = useState(toForm(DEFAULT_SETTINGS));
  const [signedIn, setSignedIn] = useState(false);
  const [source, setSource] = useState<SettingsState | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [saves, setSaves] = useState(0);

  useEffect(() => {
    void settingsItem.getValue().then(async (stored) => {
      const settings = completeSettings(stored);
      setForm(toForm(settings));
      setSignedIn(isSignedIn(settings));
      // Signed in, the server's settings are the ones in force: the form shows those (and appears only
      // once they are in, so nothing typed is overwritten by their arrival).
      if (isSignedIn(settings)) {
        const state = await sendMessage('loadSettings', undefined).catch((error: unknown) => ({
          values: settings,
          source: 'server' as const,
          pending: false,
          error: error instanceof Error ? error.message : String(error),
        }));
        setSource(state);
        setForm((f) => ({
          ...f,
          addresses: state.values.addresses.join('\n'),
          timeZone: state.values.timeZone,
          start: state.values.workingHours.start,
          end: state.values.workingHours.end,
          days: state.values.workingHours.days,
          defaultCadenceDays: state.values.defaultCadenceDays === null ? '' : String(state.values.defaultCadenceDays),
          initiationTargetPercent: String(state.values.initiationTargetPercent),
        }));
      }
      setLoaded(true);
    });
    // Signing in (in another tab) or out changes what this page shows.
    return settingsItem.watch((next) => {
      const settings = completeSettings(next);
      setSignedIn(isSignedIn(settings));
      setForm((f) => ({ ...f, serverUrl: settings.serverUrl, token: settings.token }));
    });
  }, []);

  const set = <K extends keyof OptionsFormValues>(key: K, value: OptionsFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));

  /** Validates and saves; true when saved. */
  const saveAll = async (): Promise<boolean> => {
    const previous = completeSettings(await settingsItem.getValue());
    const parsed = parseOptionsForm(form, previous);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus('');
      return false;
    }
    setErrors([]);
    // Server URL, a pasted token and the notification switches are this browser's own.
    await saveSettingsWithToken(parsed.settings);
    const s = parsed.settings;
    const state = await sendMessage('saveSettings', {
      values: { addresses: s.addresses, timeZone: s.timeZone, workingHours: s.workingHours, defaultCadenceDays: s.defaultCadenceDays, initiationTargetPercent: s.initiationTargetPercent },
    });
    setSource(state);
    setSaves((n) => n + 1);
    setStatus(
      state.source === 'local'
        ? 'Saved. (In this browser: sign in to keep your settings on the server.)'
        : state.error
          ? `Saved. The server refused it: ${state.error} (see "Changes waiting for the server").`
          : state.pending
            ? 'Saved. Waiting to reach the server: it is sent as soon as the server answers.'
            : 'Saved. On the server, which now computes your figures with them.',
    );
    return true;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await saveAll();
  };

  // The form appears once the stored settings are in it, so nothing typed is overwritten by the load.
  if (!loaded) return <main className="ft-page" aria-busy="true" />;

  const kinds = form.notifyKinds;
  return (
    <main className="ft-page" data-testid="ft-options" data-signed-in={String(signedIn)}>
      <h1>Followthrough options</h1>
      <MemoryOffer />
      <form onSubmit={(e) => void save(e)} noValidate>
        <ServerSection
          serverUrl={form.serverUrl}
          setServerUrl={(v) => set('serverUrl', v)}
          token={form.token}
          setToken={(v) => set('token', v)}
          signedIn={signedIn}
          onSave={saveAll}
        />
        <fieldset data-testid="ft-options-you" data-source={source?.source ?? (signedIn ? 'server' : 'local')}>
          <legend>You</legend>
          <p className="ft-note">
            {signedIn
              ? 'Kept on your server: every figure it shows (reply times in business hours, due dates, silence) is computed with these.'
              : 'Kept in this browser.'}
          </p>
          {source?.error && <p className="ft-bad">The server's copy could not be read ({source.error}); this browser's is shown.</p>}
          <label>
            Your own addresses (one per line; empty = the signed-in account)
            <textarea rows={3} value={form.addresses} data-testid="ft-options-addresses" onChange={(e) => set('addresses', e.target.value)} />
          </label>
          <label>
            Time zone (IANA, e.g. Europe/Berlin; empty = this computer's)
            <input type="text" value={form.timeZone} placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone} data-testid="ft-options-timezone" onChange={(e) => set('timeZone', e.target.value)} />
          </label>
          <div className="ft-row">
            <label>
              Working day starts
              <input type="time" value={form.start} data-testid="ft-options-start" onChange={(e) => set('start', e.target.value)} />
            </label>
            <label>
              ends
              <input type="time" value={form.end} data-testid="ft-options-end" onChange={(e) => set('end', e.target.value)} />
            </label>
          </div>
          <div role="group" aria-label="Working days" className="ft-row">
            {DAY_NAMES.map((name, index) => (
              <label key={name} className="ft-check">
                <input
                  type="checkbox"
                  checked={form.days.includes(index + 1)}
                  data-testid={`ft-options-day-${index + 1}`}
                  onChange={(e) => set('days', e.target.checked ? [...form.days, index + 1].sort() : form.days.filter((d) => d !== index + 1))}
                />
                {name}
              </label>
            ))}
          </div>
          <div className="ft-row">
            <label>
              Default contact cadence in days (empty = none)
              <input type="number" min={1} max={365} value={form.defaultCadenceDays} data-testid="ft-options-cadence" onChange={(e) => set('defaultCadenceDays', e.target.value)} />
            </label>
            <label>
              Initiation target (% of conversations you start)
              <input
                type="number"
                min={1}
                max={100}
                value={form.initiationTargetPercent}
                data-testid="ft-options-initiation-target"
                onChange={(e) => set('initiationTargetPercent', e.target.value)}
              />
            </label>
          </div>
          {signedIn && <AnalysisProgress watch={saves} />}
        </fieldset>
        <fieldset data-testid="ft-options-notify">
          <legend>Notifications</legend>
          <label className="ft-check">
            <input type="checkbox" checked={form.notifications} data-testid="ft-options-notifications" onChange={(e) => set('notifications', e.target.checked)} />
            Notify me (each opens its thread, or the client's page)
          </label>
          {REMINDER_KINDS.map((kind: ReminderKind) => (
            <label key={kind} className="ft-check">
              <input
                type="checkbox"
                disabled={!form.notifications}
                checked={kinds[kind]}
                data-testid={`ft-options-notify-${kind}`}
                onChange={(e) => set('notifyKinds', { ...kinds, [kind]: e.target.checked })}
              />
              <span>
                <strong>{kindTitle(kind)}</strong>: {KIND_DESCRIPTIONS[kind]}
              </span>
            </label>
          ))}
        </fieldset>
        {errors.length > 0 && (
          <ul className="ft-bad" role="alert" data-testid="ft-options-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <button type="submit" data-testid="ft-options-save">
          Save
        </button>
        <p role="status" aria-live="polite" data-testid="ft-options-status">
          {status}
        </p>
      </form>
      <TeamSection signedIn={signedIn} />
      <MailboxesSection signedIn={signedIn} />
      <QueueSection />
      <DataSection />
    </main>
  );
}
