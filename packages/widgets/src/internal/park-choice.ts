import { html, nothing } from 'lit';

interface ParkOption {
  id: string;
  name: string;
}

/** The park a back-office widget shows: the page's `park` setting, else the one chosen, else the user's first. */
export function parkToShow(parks: readonly { id: string }[], pagePark: string | undefined, chosen: string): string {
  const wanted = pagePark ?? chosen;
  return parks.length && !parks.some((p) => p.id === wanted) ? parks[0]!.id : wanted;
}

/** The choice of park, offered when the page names none and the user has more than one. */
export function parkPicker(
  label: string,
  parks: readonly ParkOption[],
  parkId: string,
  pagePark: string | undefined,
  choose: (id: string) => void,
) {
  if (parks.length <= 1 || pagePark) return nothing;
  return html`<div class="field">
    <label for="park">${label}</label>
    <select id="park" .value=${parkId} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
      ${parks.map((p) => html`<option value=${p.id} ?selected=${p.id === parkId}>${p.name}</option>`)}
    </select>
  </div>`;
}
