import { css } from 'lit';

export const commitmentEditorStyles = css`
  th .code {
    font-variant-numeric: tabular-nums;
    margin-right: 4px;
  }
  th[scope='row'] {
    font-weight: normal;
  }
  .indicators {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .indicators li {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    justify-content: space-between;
  }
  .indicators .what .muted {
    display: block;
    font-size: 0.85em;
  }
  button.small {
    padding: 2px 8px;
  }
  fieldset.parameters {
    border: 1px solid var(--_border);
    border-radius: 6px;
    margin: 8px 0;
    padding: 4px 12px 8px;
  }
  h3 {
    font-size: 1em;
    margin: 16px 0 8px;
  }
`;
