import { css } from 'lit';

export const serviceRequestTableStyles = css`
  .toolbar label.check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: normal;
  }
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 960px;
  }
  .act {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    min-width: 220px;
  }
  .act select,
  .act input {
    width: auto;
    min-width: 120px;
    flex: 1;
  }
  td.nowrap {
    white-space: nowrap;
  }
  .overdue {
    color: var(--_not-met);
  }
`;
