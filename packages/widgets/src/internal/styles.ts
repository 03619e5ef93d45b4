import { css } from 'lit';

/**
 * The design tokens every widget reads, with their light defaults; `theme="dark"` (or `auto` under a
 * dark system setting) switches the defaults. A page overrides any of them with CSS custom properties.
 */
const dark = css`
  --_text: var(--huhang-color-text, #e8eaed);
  --_muted: var(--huhang-color-text-muted, #aeb4bd);
  --_surface: var(--huhang-color-surface, #1e2127);
  --_surface-alt: var(--huhang-color-surface-alt, #2a2e35);
  --_border: var(--huhang-color-border, #3c424c);
  --_accent: var(--huhang-color-accent, #7fb0ff);
  --_on-accent: var(--huhang-color-on-accent, #0d1b2e);
  --_met: var(--huhang-color-met, #5fd38a);
  --_not-met: var(--huhang-color-not-met, #ff8a80);
  --_na: var(--huhang-color-not-applicable, #9aa0a6);
  --_focus: var(--huhang-color-focus, #ffd54f);
`;

export const baseStyles = css`
  :host {
    display: block;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    --_text: var(--huhang-color-text, #1f2329);
    --_muted: var(--huhang-color-text-muted, #5a6270);
    --_surface: var(--huhang-color-surface, #ffffff);
    --_surface-alt: var(--huhang-color-surface-alt, #f4f6f9);
    --_border: var(--huhang-color-border, #d9dde3);
    --_accent: var(--huhang-color-accent, #1456b8);
    --_on-accent: var(--huhang-color-on-accent, #ffffff);
    --_met: var(--huhang-color-met, #1b7f3b);
    --_not-met: var(--huhang-color-not-met, #c62828);
    --_na: var(--huhang-color-not-applicable, #5f6673);
    --_focus: var(--huhang-color-focus, #c77700);
    --_radius: var(--huhang-radius, 8px);
    --_space: var(--huhang-spacing, 16px);
    box-sizing: border-box;
    font-family: var(--huhang-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--huhang-font-size, 15px);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .root[data-theme='dark'] {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .root[data-theme='auto'] {
      ${dark}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    margin-bottom: calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.15em;
    margin: 0;
    font-weight: 600;
  }
  h3 {
    font-size: 1em;
    margin: 0;
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 4px 14px;
    min-height: 32px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .state {
    padding: calc(var(--_space) * 0.5) 0;
  }
  .state.error {
    color: var(--_not-met);
  }
  .state.error p {
    margin: 0 0 8px;
  }
  .skeleton {
    display: grid;
    gap: 8px;
  }
  .skeleton span {
    display: block;
    height: 14px;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface-alt), var(--_border), var(--_surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.4s infinite linear;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  th,
  td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th button.sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: inherit;
    font-weight: inherit;
    border-radius: 4px;
  }
  th button.sort:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  th:not([aria-sort]) .sort-mark {
    opacity: 0.45;
  }
  .met {
    color: var(--_met);
  }
  .not-met {
    color: var(--_not-met);
  }
  .not-applicable,
  .pending {
    color: var(--_na);
  }
  .badge {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    white-space: nowrap;
    font-size: 0.85em;
    padding: 0 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
`;

/** Labels, inputs and field errors of the admin forms. */
export const formStyles = css`
  /* A list's export buttons and progress, in the header or above the list. */
  .export {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  form {
    display: grid;
    gap: 12px;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .row {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
  }
  label,
  legend {
    font-weight: 600;
    font-size: 0.92em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px 12px;
    margin: 0;
  }
  fieldset label {
    font-weight: normal;
    display: inline-flex;
    gap: 6px;
    margin-inline-end: 16px;
    align-items: center;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 6px 8px;
    min-height: 36px;
    width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: auto;
    min-height: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_not-met);
    border-width: 2px;
  }
  .field-error {
    color: var(--_not-met);
    font-size: 0.88em;
    margin: 0;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .banner {
    border-radius: calc(var(--_radius) * 0.75);
    padding: 8px 12px;
    border: 1px solid currentColor;
    margin: 0;
  }
  .banner.error {
    color: var(--_not-met);
  }
  .banner.success {
    color: var(--_met);
  }
  .pager {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    margin-top: 10px;
  }
  .actions {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  /* A long list of checkboxes (a park's enterprises, the units) scrolls inside the form. */
  .choices-scroll fieldset > div {
    max-height: 220px;
    overflow-y: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    gap: 2px 12px;
  }
  /* An admin table's filters, above it. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-bottom: 10px;
  }
  /* A wide table scrolls sideways inside its frame, not the page. */
  .scroll {
    overflow-x: auto;
  }
`;

/** A table row's actions: a short input (a new name) and its buttons, wrapping on a phone. */
export const rowActionStyles = css`
  .act {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .act input {
    width: auto;
    min-width: 120px;
    flex: 1;
  }
  .act button {
    white-space: nowrap;
  }
`;
