import { css } from 'lit';

export const trendChartStyles = css`
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .grid line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2.5;
    stroke-linejoin: round;
  }
  .area {
    fill: var(--_accent);
    opacity: 0.12;
  }
  .point {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .point.partial {
    fill: var(--_surface);
    stroke: var(--_accent);
    stroke-dasharray: 2 2;
  }
  .latest {
    display: flex;
    gap: 8px;
    align-items: baseline;
    margin-bottom: 6px;
  }
  .latest strong {
    font-size: 1.5em;
    font-variant-numeric: tabular-nums;
  }
  .toggle {
    margin-top: 8px;
  }
  .note {
    margin: 6px 0 0;
    font-size: 0.85em;
  }
  table {
    margin-top: 8px;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
`;
