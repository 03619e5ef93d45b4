import { css } from 'lit';

export const policeUnitsStyles = css`
  th .kind {
    display: block;
    font-weight: normal;
  }
  details {
    margin-top: 6px;
  }
  details fieldset {
    border: 0;
    padding: 4px 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
  }
  h3 {
    font-size: 1em;
    margin: 16px 0 8px;
  }
`;
