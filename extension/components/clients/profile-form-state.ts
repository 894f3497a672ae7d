import { useEffect, useState, type FormEvent } from 'react';

export type ParsedForm<Patch> = { ok: true; patch: Patch } | { ok: false; errors: string[] };

/**
 * The state and submit of a client profile form (the user's own, or the team's): the typed values follow
 * the stored profile, a submit parses them into a patch of what changed, says "Nothing changed." for an
 * empty one, and otherwise saves it and shows what `save` reports, or why it was not saved.
 */
export function useProfileForm<Profile, Values extends object, Patch extends object>(
  profile: Profile,
  toValues: (profile: Profile) => Values,
  parse: (values: Values, before: Profile) => ParsedForm<Patch>,
  save: (patch: Patch) => Promise<string>,
) {
  const [values, setValues] = useState(() => toValues(profile));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(toValues(profile)), [profile]);
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse(values, profile);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    if (Object.keys(parsed.patch).length === 0) {
      setStatus('Nothing changed.');
      return;
    }
    setBusy(true);
    try {
      setStatus(await save(parsed.patch));
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return { values, set, errors, status, busy, submit };
}
