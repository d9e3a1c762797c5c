import { Module } from '@nestjs/common';
import { KEY_STORE } from '@coprod/privacy/keys/key-store.port';
import { ApplicationModule } from '../application.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ContactIndex } from './contact-index';
import { FiguresExport } from './figures-export';
import { ImportService } from './import.service';
import { RecordExport } from './record-export';

/** Imports of spreadsheets and paper, and exports to spreadsheets, shared by the CLI and the web interface. */
@Module({
  imports: [ApplicationModule],
  providers: [
    {
      provide: ContactIndex,
      // After the key store: the index lives in the keys file and follows its erasures.
      inject: [APP_CONFIG, KEY_STORE],
      useFactory: (config: AppConfig) => new ContactIndex(config.keysFile),
    },
    ImportService,
    FiguresExport,
    RecordExport,
  ],
  exports: [ImportService, FiguresExport, RecordExport, ContactIndex],
})
export class ImportModule {}
