import type { ClientFilterId } from './clients-data';

export type ClientFilterChoice = ClientFilterId | 'all';

/** The row of filter buttons over a list of clients (the user's own, or the team's). */
export function FilterButtons({
  filters,
  selected,
  testIdPrefix,
  onSelect,
}: {
  filters: readonly { id: ClientFilterChoice; label: string }[];
  selected: ClientFilterChoice;
  /** e.g. "ft-clients-filter": each button is `${testIdPrefix}-${id}`. */
  testIdPrefix: string;
  /** Called only when the choice changes. */
  onSelect(id: ClientFilterChoice): void;
}) {
  return (
    <div className="ft-filters" role="group" aria-label="Show">
      {filters.map((f) => (
        <button
          key={f.id}
          type="button"
          aria-pressed={selected === f.id}
          data-testid={`${testIdPrefix}-${f.id}`}
          onClick={() => {
            if (f.id !== selected) onSelect(f.id);
          }}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
