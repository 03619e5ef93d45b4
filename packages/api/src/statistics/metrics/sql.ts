/**
 * Collects the parameters of a statement while its parts are written in any order: `param()` returns a
 * token, and `compileNumbered()` turns the tokens into numbered `$n` placeholders with the values in
 * the order they appear in the text.
 */
export class SqlBuilder {
  private readonly values: unknown[] = [];

  /** A placeholder for `value`, typed when a cast is given (`sql.param(3, 'int')` → `?::int`). */
  param(value: unknown, cast?: string): string {
    this.values.push(value);
    return `⟨${this.values.length - 1}⟩${cast ? `::${cast}` : ''}`;
  }

  /** The statement with PostgreSQL's own `$1, $2, …` placeholders, for a prepared statement. */
  compileNumbered(text: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const sql = text.replace(/⟨(\d+)⟩/g, (_, index: string) => {
      params.push(this.values[Number(index)]);
      return `$${params.length}`;
    });
    return { sql, params };
  }
}
