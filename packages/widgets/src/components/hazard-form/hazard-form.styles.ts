import { css } from 'lit';

export const hazardFormStyles = css`
  h3 {
    margin-top: var(--_space);
  }
  .list-tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
  }
  label.check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: normal;
  }
  ul.open {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  ul.open li {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 8px 12px;
    display: grid;
    gap: 6px;
  }
  /* A major hazard (重大隐患) stands out by its words, its mark and its edge, not by colour alone. */
  ul.open li.major {
    border-left: 4px solid var(--_not-met);
  }
  .badge.major {
    font-weight: 700;
    color: var(--_not-met);
    border-color: currentColor;
  }
  .rectify {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: end;
  }
  .rectify input {
    width: auto;
  }
`;
