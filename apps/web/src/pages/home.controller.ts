import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@coprod/application';
import { can } from '@coprod/privacy';
import { Public } from '../../../api/src/auth/requires.decorator';
import { RequestActor } from '../../../api/src/http/request-actor';
import { pageContext } from '../web-page';

/** The start page, and the pages every service has: cookies and accessibility. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  home(@Req() request: Request & { actor?: RequestActor }, @Res() response: Response): void {
    const actor = request.actor;
    const may = (permission: Parameters<typeof can>[1]) => (actor ? can(actor.role, permission) : false);
    response.render(
      'home.njk',
      pageContext(request, actor ? 'Your work' : 'Keep the record of co-production', {
        may: {
          figures: may('read_figures'),
          record: may('record'),
          approve: may('approve_expenses'),
          pay: may('pay_expenses'),
          history: may('read_history'),
          personal: may('read_personal'),
          tokens: may('manage_tokens'),
        },
        signInNeeded: !actor,
      }),
    );
  }

  @Get('cookies')
  @Public()
  cookies(@Req() request: Request, @Res() response: Response): void {
    response.render(
      'cookies.njk',
      pageContext(request, 'Cookies', {
        idleMinutes: this.config.web.idleMinutes,
      }),
    );
  }

  @Get('accessibility')
  @Public()
  accessibility(@Req() request: Request, @Res() response: Response): void {
    response.render('accessibility.njk', pageContext(request, 'Accessibility statement'));
  }
}
