import { css } from 'lit';

export const teamsStyles = css`
  th .type {
    display: block;
    font-weight: normal;
  }
  .count {
    display: block;
  }
  .members {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .members li {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    justify-content: space-between;
  }
  .members .who .muted {
    display: block;
    font-size: 0.85em;
  }
  button.small {
    padding: 2px 8px;
  }
  h3 {
    font-size: 1em;
    margin: 16px 0 8px;
  }
`;
