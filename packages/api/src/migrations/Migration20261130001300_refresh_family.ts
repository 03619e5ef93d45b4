import { Migration } from '@mikro-orm/migrations';

/**
 * Every refresh token a session has traded in, so that presenting any of them again, however many
 * rotations ago, closes the session (the token family): not only the one just before.
 */
export class Migration20261130001300_refresh_family extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE auth_refresh_used (
        hash char(64) PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
        used_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX auth_refresh_used_session_index ON auth_refresh_used (session_id);
      COMMENT ON TABLE auth_refresh_used IS 'Refresh tokens already traded in (SHA-256), by session: presenting one again closes the session.';
      INSERT INTO auth_refresh_used (hash, session_id) SELECT previous_hash, id FROM auth_session WHERE previous_hash IS NOT NULL;
    `);
  }
}
