import { css } from 'lit';

export const parkOverviewStyles = css`
  .layout {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
  }
  .zones {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .zones li {
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_surface-alt);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 8px;
    margin: 0;
  }
  .figures div {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 8px 10px;
    display: flex;
    flex-direction: column;
  }
  .figures dt {
    color: var(--_muted);
    font-size: 0.88em;
  }
  .figures dd {
    margin: 0;
    order: -1;
    font-size: 1.35em;
    font-weight: 700;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
`;
