import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ExportFile, FiguresExport, RecordExport, SpreadsheetFormat } from '@coprod/application/import';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { Actor, RequestActor } from '../../../api/src/http/request-actor';

const FORMATS: readonly SpreadsheetFormat[] = ['csv', 'xlsx'];

function formatOf(value: string | undefined): SpreadsheetFormat {
  const format = (value ?? 'xlsx') as SpreadsheetFormat;
  if (!FORMATS.includes(format)) throw new BadRequestException({ errors: [{ field: 'format', problems: [`must be csv or xlsx; got "${value}"`] }] });
  return format;
}

function download(response: Response, file: ExportFile): void {
  response
    .status(200)
    .type(file.contentType)
    .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .setHeader('Cache-Control', 'no-store')
    .send(file.body);
}

/**
 * Figures and the anonymised record as spreadsheets, for analysts (Excel, Power BI): the same files
 * as `coprod export`, over HTTP with a token or from the web interface's download links.
 */
@ApiTags('exports')
@Controller('api')
export class ExportsController {
  constructor(
    private readonly figures: FiguresExport,
    private readonly record: RecordExport,
  ) {}

  @Get('projects/:projectId/exports/figures')
  @Requires('read_figures')
  @ApiOperation({
    summary: "A project's figures as CSV or XLSX: every figure of the public case study with its n, disclosure control applied exactly as there",
  })
  @ApiParam({ name: 'projectId', example: 'p-energy' })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async figuresOf(
    @Param('projectId') projectId: string,
    @Query('format') format: string | undefined,
    @Actor() actor: RequestActor,
    @Res() response: Response,
  ): Promise<void> {
    download(response, await this.figures.export(projectId, formatOf(format), { actor: { id: actor.id, role: actor.role }, source: 'api' }));
  }

  @Get('projects/:projectId/exports/record')
  @Requires('read_figures')
  @ApiOperation({ summary: "A project's events as open data, without personal data (the documented columns of the anonymised record)" })
  @ApiParam({ name: 'projectId', example: 'p-energy' })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  async projectRecord(@Param('projectId') projectId: string, @Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    download(response, await this.record.export(formatOf(format), { projectId }));
  }

  @Get('exports/record')
  @Requires('read_figures')
  @ApiOperation({ summary: 'The whole record as open data, without personal data' })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  async wholeRecord(@Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    download(response, await this.record.export(formatOf(format)));
  }
}

/**
 * The same downloads on the web interface's own paths, for people signed in to it: their session, not a
 * bearer token, says who they are, so the links on a project's page work for every way of signing in.
 */
@ApiExcludeController()
@Controller('projects/:projectId/exports')
export class ExportDownloadsController {
  constructor(
    private readonly figures: FiguresExport,
    private readonly record: RecordExport,
  ) {}

  @Get('figures')
  @Requires('read_figures')
  async figuresOf(
    @Param('projectId') projectId: string,
    @Query('format') format: string | undefined,
    @Actor() actor: RequestActor,
    @Res() response: Response,
  ): Promise<void> {
    download(response, await this.figures.export(projectId, formatOf(format), { actor: { id: actor.id, role: actor.role }, source: 'web' }));
  }

  @Get('record')
  @Requires('read_figures')
  async projectRecord(@Param('projectId') projectId: string, @Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    download(response, await this.record.export(formatOf(format), { projectId }));
  }
}
