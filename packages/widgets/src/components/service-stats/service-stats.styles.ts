import { css } from 'lit';

export const serviceStatsStyles = css`
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--huhang-tile-min-width, 150px)), 1fr));
    gap: 10px;
    margin: 0;
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 10px 12px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
    border-top: 3px solid var(--_accent);
  }
  dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  dd {
    margin: 0;
    order: -1;
  }
  .value {
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }
  .unit {
    margin-inline-start: 2px;
    color: var(--_muted);
  }
  .trend {
    display: block;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .withheld {
    margin-inline-start: 6px;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .note {
    margin: 10px 0 0;
  }
`;
