import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { EntityHistory, FigureTrace, GetEntityHistory, HISTORY_KINDS, HistoryKind, TraceFigure } from '@coprod/application';
import { Requires } from '../auth/requires.decorator';
import { ID_PATTERN } from '../commands/dto/fields';
import { OutcomesQueryDto } from '../outcomes/outcomes-query.dto';

/** Which entity's history is asked for. */
export class HistoryParams {
  @IsIn(HISTORY_KINDS, { message: `kind must be one of ${HISTORY_KINDS.join(', ')}` })
  kind: HistoryKind;

  @Matches(ID_PATTERN, { message: 'id must be an id such as p-energy: letters, digits and . _ : - (at most 100)' })
  id: string;
}

/** Which figure of which project is traced. */
export class TraceParams {
  @Matches(ID_PATTERN, { message: 'projectId must be a project id such as p-energy' })
  projectId: string;

  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'indicatorId must be an indicator id such as hours_by_role' })
  indicatorId: string;
}

/** For auditors: the full history of any entity, and the events behind any figure. */
@ApiTags('history')
@Controller('api')
export class HistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('history/:kind/:id')
  @Requires('read_history')
  @ApiOperation({ summary: 'Every event of one entity in order: who recorded it, when, from where, and the corrections linked to what they correct' })
  @ApiParam({ name: 'kind', enum: HISTORY_KINDS })
  history(@Param() params: HistoryParams): Promise<EntityHistory> {
    return this.queryBus.execute(new GetEntityHistory(params.kind, params.id));
  }

  @Get('projects/:projectId/outcomes/:indicatorId/trace')
  @Requires('read_history')
  @ApiOperation({ summary: 'The events behind one figure of a project, under the same two clocks as the outcomes' })
  trace(@Param() params: TraceParams, @Query() query: OutcomesQueryDto): Promise<FigureTrace> {
    return this.queryBus.execute(
      new TraceFigure({
        projectId: params.projectId,
        indicatorId: params.indicatorId,
        frameworkId: query.framework,
        asOf: query.asOf,
        knownAt: query.knownAt,
        now: new Date().toISOString(),
      }),
    );
  }
}
