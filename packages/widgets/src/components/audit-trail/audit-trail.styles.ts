import { css } from 'lit';

export const auditTrailStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-bottom: 10px;
  }
  .filters .field {
    min-width: 150px;
    flex: 1 1 150px;
  }
  .filters .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  /* On a phone the table keeps readable columns and scrolls sideways inside its frame, not the page. */
  .scroll > table {
    min-width: 860px;
  }
  td.nowrap {
    white-space: nowrap;
  }
  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .changes del {
    color: var(--_muted);
  }
  .changes ins {
    text-decoration: none;
    font-weight: 600;
  }
  .request {
    font-size: 0.8em;
    word-break: break-all;
  }
`;
