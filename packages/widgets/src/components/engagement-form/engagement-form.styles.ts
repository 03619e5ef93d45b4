import { css } from 'lit';

export const engagementFormStyles = css`
  /* A park's enterprises are many: their checkboxes scroll inside the form. */
  .choices-scroll fieldset > div {
    max-height: 220px;
    overflow-y: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    gap: 2px 12px;
  }
`;
