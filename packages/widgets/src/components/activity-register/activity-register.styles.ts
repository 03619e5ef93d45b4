import { css } from 'lit';

export const activityRegisterStyles = css`
  /* The month's hint hangs below its field; the two fields line up by their labels. */
  .toolbar {
    align-items: start;
  }
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 640px;
  }
  td {
    vertical-align: top;
  }
  /* A long heading wraps over a few lines, not one character a line. */
  thead th {
    min-width: 5em;
  }
  /* A day or a time reads on one line; text columns wrap. */
  .nowrap {
    white-space: nowrap;
  }
  /* Names and free text keep room to read; the table scrolls inside its frame rather than squeeze them. */
  td.name {
    min-width: 7em;
  }
  td.text {
    min-width: 10em;
  }
`;
