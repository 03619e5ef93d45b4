import { css } from 'lit';

export const enterpriseTableStyles = css`
  .toolbar .field {
    flex: 1 1 260px;
  }
  .toolbar label.check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: normal;
  }
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 720px;
  }
  td.code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  tr.assigning td {
    background: var(--_surface-alt);
  }
  .assign {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: end;
  }
  .assign .field {
    min-width: 180px;
  }
`;
