import { css } from 'lit';

export const officerRosterStyles = css`
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 720px;
  }
  .code {
    font-variant-numeric: tabular-nums;
  }
`;
