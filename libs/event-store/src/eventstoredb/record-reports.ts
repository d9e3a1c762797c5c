import { ForeignEvent, RecordIndex } from './record-index';
import { StoreLogger } from './store-logger';

/** Foreign events in record streams reported one by one before they are only counted. */
const FOREIGN_REPORTS = 20;

/** What the adapter tells people about the record: how it found it, other applications' events in it, where its chain breaks. */
export class RecordReports {
  private foreignInRecordStreams = 0;
  private breakReported = false;

  constructor(
    private readonly description: string,
    private readonly logger: StoreLogger,
    private readonly index: RecordIndex,
    private readonly acceptServerOrder: boolean,
  ) {}

  /** Why the record may not be written now, or undefined when it may. */
  readOnlyReason(): string | undefined {
    if (this.acceptServerOrder) return `${this.description} was opened to copy the record in the server's order, read-only`;
    const broken = this.index.break;
    if (!broken) return undefined;
    return (
      `the record on ${this.description} breaks at position ${broken.position} (event ${broken.eventId}: ${broken.problem}), so it is open read-only. ` +
      '`coprod verify` shows the chain up to there; `coprod migrate --from <this server> --to <an empty store> --accept-server-order` ' +
      "copies the whole record in the server's order, with new hashes from that position on (see docs/eventstoredb.md)"
    );
  }

  /** Once connected: the record's size, other applications' events on the server, and any break. */
  started(): void {
    this.logger.log(`${this.description}: connected, ${this.index.head} events in the record`);
    const foreign = this.index.foreignEvents;
    if (foreign > 0) {
      this.logger.warn(
        `${this.description}: the server also holds ${foreign} event(s) written by other applications (no coprod envelope); ` +
          'they are not part of the record and are skipped' +
          (this.foreignInRecordStreams > 0 ? `, ${this.foreignInRecordStreams} of them in streams the record also uses (listed above)` : ''),
      );
    }
    this.breakIfNew();
  }

  /** The break in the record's chain, the first time it is seen. */
  breakIfNew(): void {
    const broken = this.index.break;
    if (!broken || this.breakReported) return;
    this.breakReported = true;
    if (this.acceptServerOrder) {
      this.logger.warn(
        `${this.description}: the record breaks at position ${broken.position} (event ${broken.eventId}: ${broken.problem}); ` +
          "it is read in the server's order, with hashes computed afresh from that position on",
      );
    } else {
      this.logger.error(this.readOnlyReason()!);
    }
  }

  /** An event without a coprod envelope in a stream the record uses. */
  foreign(event: ForeignEvent): void {
    if (!event.inRecordStream) return;
    this.foreignInRecordStreams += 1;
    if (this.foreignInRecordStreams > FOREIGN_REPORTS) return;
    this.logger.warn(
      `${this.description}: stream ${event.stream} holds event ${event.id} of type ${event.type} at revision ${event.revision} ` +
        'without a coprod envelope (written by another application); it is not part of the record and is skipped, and the stream stays writable' +
        (this.foreignInRecordStreams === FOREIGN_REPORTS ? '; further ones are only counted' : ''),
    );
  }
}
