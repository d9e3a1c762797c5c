/** Where the adapter reports state changes: connected, caught up, fell behind, reconnecting. */
export interface StoreLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
