import { css } from 'lit';

export const officerRosterStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-bottom: 10px;
  }
  .scroll {
    overflow-x: auto;
  }
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 720px;
  }
  .code {
    font-variant-numeric: tabular-nums;
  }
`;
