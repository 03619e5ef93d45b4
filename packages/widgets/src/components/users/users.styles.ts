import { css } from 'lit';

export const usersStyles = css`
  .grants {
    min-width: 10em;
  }
  .disabled {
    color: var(--_not-met);
  }
  .second {
    display: block;
    font-size: 0.85em;
    white-space: nowrap;
  }
  h3 {
    font-size: 1em;
    margin: 16px 0 8px;
  }
`;
