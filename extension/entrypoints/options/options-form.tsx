import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { normalizeServerUrl, originPattern } from '../../utils/api-client';
import { sendMessage, type ConnectionTestResult } from '../../utils/messaging';
import { DEFAULT_SETTINGS, type ExtensionSettings } from '../../utils/settings';
import { saveSettingsWithToken, settingsItem } from '../../utils/storage';
import { parseOptionsForm, type OptionsFormValues } from './parse-options';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function toForm(settings: ExtensionSettings): OptionsFormValues {
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
  };
}

export function OptionsForm() {
  const [form, setForm] = useState<OptionsFormValues>(toForm(DEFAULT_SETTINGS));
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void settingsItem.getValue().then((s) => {
      setForm(toForm(s));
      setLoaded(true);
    });
  }, []);

  const set = <K extends keyof OptionsFormValues>(key: K, value: OptionsFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseOptionsForm(form, await settingsItem.getValue());
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus('');
      return;
    }
    setErrors([]);
    await saveSettingsWithToken(parsed.settings);
    setStatus('Saved.');
  };

  /**
   * permissions.request must run in the click's user gesture, before any await: so the origin is
   * computed synchronously and requested first, then the settings are saved and tested.
   */
  const testConnection = () => {
    let pattern: string;
    try {
      pattern = originPattern(form.serverUrl);
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
      return;
    }
    setTesting(true);
    setTest(null);
    void browser.permissions
      .request({ origins: [pattern] })
      .catch(() => false)
      .then(async (granted) => {
        const parsed = parseOptionsForm(form, await settingsItem.getValue());
        if (parsed.ok) {
          await saveSettingsWithToken(parsed.settings);
          setErrors([]);
        } else setErrors(parsed.errors);
        const result = await sendMessage('testConnection', { serverUrl: normalizeServerUrl(form.serverUrl), token: form.token.trim() });
        setTest(granted ? result : { ok: false, steps: [{ name: 'permission', ok: false, detail: `Access to ${pattern} was not allowed` }, ...result.steps.filter((s) => s.name !== 'permission')] });
      })
      .finally(() => setTesting(false));
  };

  // The form appears once the stored settings are in it, so nothing typed is overwritten by the load.
  if (!loaded) return <main className="ft-page" aria-busy="true" />;

  return (
    <main className="ft-page" data-testid="ft-options">
      <h1>Followthrough options</h1>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>Server (optional)</legend>
          <p className="ft-note">Without a server Followthrough works on the open thread only (local-only mode).</p>
          <label>
            Server URL
            <input type="url" value={form.serverUrl} placeholder="https://followthrough.example.com" data-testid="ft-options-server-url" onChange={(e) => set('serverUrl', e.target.value)} />
          </label>
          <label>
            API token
            <input type="password" autoComplete="off" value={form.token} data-testid="ft-options-token" onChange={(e) => set('token', e.target.value)} />
          </label>
          <button type="button" onClick={testConnection} disabled={testing || !form.serverUrl} data-testid="ft-options-test">
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          {test && (
            <ul className="ft-steps" data-testid="ft-options-test-result" data-ok={String(test.ok)}>
              {test.steps.map((step) => (
                <li key={step.name} className={step.ok ? 'ft-good' : 'ft-bad'}>
                  {step.ok ? '✓' : '✗'} {step.detail}
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset>
          <legend>You</legend>
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
          <label>
            Default contact cadence in days (empty = none)
            <input type="number" min={1} max={365} value={form.defaultCadenceDays} data-testid="ft-options-cadence" onChange={(e) => set('defaultCadenceDays', e.target.value)} />
          </label>
          <label className="ft-check">
            <input type="checkbox" checked={form.notifications} data-testid="ft-options-notifications" onChange={(e) => set('notifications', e.target.checked)} />
            Notify me about promises due, quiet clients and clients waiting
          </label>
        </fieldset>
        {errors.length > 0 && (
          <ul className="ft-bad" role="alert" data-testid="ft-options-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <button type="submit" data-testid="ft-options-save">Save</button>
        <p role="status" aria-live="polite" data-testid="ft-options-status">{status}</p>
      </form>
    </main>
  );
}
