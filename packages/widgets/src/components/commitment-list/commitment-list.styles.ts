import { css } from 'lit';

export const commitmentListStyles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  li.commitment {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 10px 12px;
  }
  .head {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    align-items: baseline;
  }
  .code {
    color: var(--_muted);
    margin-inline-end: 6px;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--_surface-alt);
    overflow: hidden;
    margin: 8px 0 4px;
  }
  .bar span {
    display: block;
    height: 100%;
    background: var(--_met);
  }
  ul {
    margin: 6px 0 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 4px;
    font-size: 0.92em;
  }
  .indicator {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    align-items: baseline;
  }
  .value {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
