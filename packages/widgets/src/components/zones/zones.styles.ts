import { css } from 'lit';

export const zonesStyles = css`
  .act {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .act input {
    width: auto;
    min-width: 120px;
    flex: 1;
  }
`;
