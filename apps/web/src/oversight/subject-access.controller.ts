import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { SubjectAccess } from '@coprod/application';
import { can, SubjectAccessExport, SubjectAccessRecord } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { ID_PATTERN } from '../../../api/src/commands/dto/fields';
import { RequestActor } from '../../../api/src/http/request-actor';
import { pageContext } from '../web-page';
import { wording } from '../wording';
import { detailLines, historyHref } from './event-details';
import { readableMoment, sentence } from './plain-words';

type Actor = Request & { actor: RequestActor };

const ATTRIBUTION_WORDS: Readonly<Record<string, string>> = {
  named: 'with their name',
  role_only: 'by their role only',
  anonymous: 'without saying who',
};

const REPORT_WORDS: Readonly<Record<string, string>> = {
  case_study: 'Case study',
  committee_extract: 'Committee extract',
};

/** The export for a subject access request, or a 404 page's error for an id nobody has. */
export async function exportFor(subjectAccess: SubjectAccess, participantId: string): Promise<SubjectAccessExport> {
  if (!ID_PATTERN.test(participantId)) throw new NotFoundException(`no participant has the id ${participantId}`);
  return subjectAccess.export(participantId);
}

/** A participant's name, when it can still be read. */
export function nameOf(record: SubjectAccessRecord): string | undefined {
  const name = record.personalDetails.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/**
 * A subject access request answered as a page: everything held about one participant, their own
 * details opened and other people's withheld, with the same export the API gives to download.
 */
@ApiExcludeController()
@Controller('people/:participantId/subject-access')
export class SubjectAccessPagesController {
  constructor(private readonly subjectAccess: SubjectAccess) {}

  @Get()
  @Requires('read_personal')
  async page(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const { json } = await exportFor(this.subjectAccess, participantId);
    const name = nameOf(json);
    const base = `/people/${encodeURIComponent(participantId)}`;
    response.setHeader('Cache-Control', 'no-store');
    response.render(
      'oversight/people/subject-access.njk',
      pageContext(request, `Everything held about ${name ?? participantId}`, {
        participantId,
        name,
        erased: json.erased,
        generatedAtText: readableMoment(json.generatedAt),
        details: Object.entries(json.personalDetails).map(([key, value]) => ({
          key: { text: sentence(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()) },
          value: { text: String(value) },
        })),
        quotes: json.quotes.map((quote) => ({
          quoteId: quote.quoteId,
          words: quote.words,
          attribution: ATTRIBUTION_WORDS[quote.attribution ?? ''] ?? 'not recorded',
          uses: quote.allowedUses.map(wording).join(', ') || 'none',
          withdrawn: quote.withdrawn,
          capturedText: readableMoment(quote.occurredAt),
        })),
        quoteUses: json.quoteUses.map((use) => ({ ...use, happenedText: readableMoment(use.occurredAt) })),
        reports: json.reportsCarryingWords.map((report) => ({
          kind: REPORT_WORDS[report.reportKind] ?? wording(report.reportKind),
          about: `${report.subject.kind} ${report.subject.id}`,
          audience: wording(report.audience),
          format: report.format.toUpperCase(),
          builtText: readableMoment(report.builtAt),
          builtBy: report.builtBy.id,
          quoteIds: report.quoteIds.join(', '),
        })),
        registerKeptSinceText: json.reportRegisterKeptSince ? readableMoment(json.reportRegisterKeptSince) : undefined,
        events: json.events.map((event) => ({
          position: event.position,
          description: event.description,
          happened: readableMoment(event.occurredAt),
          occurredAt: event.occurredAt,
          recorded: readableMoment(event.recordedAt),
          recordedAt: event.recordedAt,
          actor: event.recordedBy.id,
          role: event.recordedBy.role,
          source: event.source,
          lines: detailLines(event.type, event.details, { linkRecords: false }),
        })),
        downloads: { markdown: `${base}/subject-access/markdown`, json: `${base}/subject-access/json` },
        historyHref: can(request.actor.role, 'read_history') ? historyHref('participant', participantId) : undefined,
        erasureHref: can(request.actor.role, 'erase') && !json.erased ? `${base}/erasure` : undefined,
      }),
    );
  }

  @Get('markdown')
  @Requires('read_personal')
  async markdown(@Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const exported = await exportFor(this.subjectAccess, participantId);
    download(response, `subject-access-${participantId}.md`, 'text/markdown; charset=utf-8', exported.markdown);
  }

  @Get('json')
  @Requires('read_personal')
  async json(@Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const exported = await exportFor(this.subjectAccess, participantId);
    download(response, `subject-access-${participantId}.json`, 'application/json; charset=utf-8', `${JSON.stringify(exported.json, null, 2)}\n`);
  }
}

function download(response: Response, fileName: string, type: string, body: string): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.type(type).send(body);
}
