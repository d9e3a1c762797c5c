import { Module } from '@nestjs/common';
import { ApplicationModule } from '@coprod/application';
import { ImportModule } from '@coprod/application/import';
import { ExportDownloadsController, ExportsController } from './exports.controller';
import { ImportPagesController } from './import-pages.controller';

/** The upload page for spreadsheets and paper, and the spreadsheet downloads. */
@Module({
  imports: [ApplicationModule, ImportModule],
  controllers: [ImportPagesController, ExportsController, ExportDownloadsController],
})
export class ImportPagesModule {}
