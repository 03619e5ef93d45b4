/** A database problem the user can fix; the message says how. */
export class DatabaseSetupError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(details ? `${message}\n\nDetails:\n${details}` : message);
    this.name = 'DatabaseSetupError';
  }
}
