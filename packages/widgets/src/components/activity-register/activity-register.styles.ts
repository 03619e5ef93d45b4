import { css } from 'lit';

export const activityRegisterStyles = css`
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 640px;
  }
  td {
    vertical-align: top;
  }
  th.nowrap {
    white-space: nowrap;
  }
`;
