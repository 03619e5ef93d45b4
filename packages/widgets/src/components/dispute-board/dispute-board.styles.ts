import { css } from 'lit';

export const disputeBoardStyles = css`
  .lanes {
    display: grid;
    gap: 10px;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr));
  }
  .lane {
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    padding: 8px;
    min-width: 0;
  }
  .lane h3 {
    display: flex;
    justify-content: space-between;
    margin-bottom: 6px;
  }
  .lane ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
    max-height: var(--huhang-lane-max-height, 480px);
    overflow-y: auto;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 8px;
    display: grid;
    gap: 4px;
  }
  .card .actions button {
    padding: 2px 10px;
    min-height: 28px;
    font-size: 0.9em;
  }
  .risk {
    color: var(--_not-met);
  }
`;
