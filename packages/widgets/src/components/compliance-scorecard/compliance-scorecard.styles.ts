import { css } from 'lit';

export const scorecardStyles = css`
  .summary {
    display: flex;
    gap: var(--_space);
    align-items: center;
    flex-wrap: wrap;
  }
  .ring {
    width: 112px;
    height: 112px;
    flex: none;
  }
  .ring .track {
    stroke: var(--_surface-alt);
  }
  .ring .value {
    stroke: var(--_accent);
    transition: stroke-dasharray 0.6s ease;
  }
  .score {
    font-size: 2.2em;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .facts {
    display: grid;
    gap: 2px;
  }
  ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: 6px;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr));
  }
  li {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 8px;
    padding: 6px 10px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
  }
  .code {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    margin-inline-end: 6px;
  }
`;
