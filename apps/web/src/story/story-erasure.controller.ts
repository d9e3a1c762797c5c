import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { EntityHistory, GetEntityHistory } from '@coprod/application';
import { notFound, STORY_PARTS, StoryPart } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { formBody, inline, text } from '../decisions/form-values';
import { setFlash, SignedIn } from '../decisions/page-state';
import { dateWords } from '../decisions/page-words';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { STORY_PART_WORDS } from './story-words';

const LABELS = { eventId: 'Which version', reason: 'Why the words are erased' };

/** One version of a part whose words can still be erased, as the page offers it. */
interface ErasableVersion {
  eventId: string;
  text: string;
  recordedOnWords: string;
  /** Whether the version was withdrawn (voided) since it was written. */
  withdrawn: boolean;
}

/**
 * Erasing the words of one version of a story part, for those who may erase (as for a participant): the versions
 * whose words can still be read, withdrawn ones included, a reason, and a warning that it cannot be undone. The
 * form sends `EraseProjectStoryWords` through the same validation, permission and rules as the API.
 */
@ApiExcludeController()
@Controller('projects/:projectId/story/:part/erase')
export class StoryErasureController {
  constructor(
    private readonly queries: QueryBus,
    private readonly form: FormCommand,
  ) {}

  @Get()
  @Requires('erase')
  async page(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('part') part: string): Promise<void> {
    const known = storyPart(part);
    const history = await this.history(projectId);
    this.render(request, response, history, known, { formKey: newFormKey(), eventId: '', reason: '' }, []);
  }

  @Post()
  @Requires('erase')
  async erase(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('part') part: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const known = storyPart(part);
    const history = await this.history(projectId);
    const body = formBody(raw);
    const answers = { formKey: text(body, 'formKey'), eventId: text(body, 'eventId'), reason: text(body, 'reason') };
    // Only a version this page offers for this part is sent: any other id is the question left unanswered.
    const offered = erasableVersions(history, known).some((v) => v.eventId === answers.eventId);
    const data = { projectId, eventId: offered ? answers.eventId : '', reason: answers.reason };
    const missing: FormError[] = [
      ...(data.eventId === '' ? [{ field: 'eventId', text: 'Select the version whose words are erased', href: '#eventId' }] : []),
      ...(data.reason.trim() === '' ? [{ field: 'reason', text: 'Enter why the words are erased', href: '#reason' }] : []),
    ];
    const outcome =
      missing.length > 0
        ? { errors: missing }
        : await this.form.send('EraseProjectStoryWords', data, { actor: request.actor, formKey: answers.formKey, labels: LABELS });
    if ('errors' in outcome) return this.render(request, response, history, known, answers, outcome.errors);
    setFlash(request, `The words of that version of ${STORY_PART_WORDS[known].name.toLowerCase()} were erased`);
    response.redirect(303, `/projects/${encodeURIComponent(projectId)}/story#part-${known}`);
  }

  /** The project's history with the story's words opened; a project never registered is a 404. */
  private async history(projectId: string): Promise<EntityHistory> {
    const history: EntityHistory = await this.queries.execute(new GetEntityHistory('project', projectId)).catch(() => {
      throw notFound('project.not_found', `project ${projectId} does not exist`);
    });
    if (!history.events.some((e) => e.type === 'ProjectRegistered')) throw notFound('project.not_found', `project ${projectId} does not exist`);
    return history;
  }

  private render(
    request: SignedIn,
    response: Response,
    history: EntityHistory,
    part: StoryPart,
    answers: { formKey: string; eventId: string; reason: string },
    problems: FormError[],
  ): void {
    const { errors, errorOf } = inline(problems);
    const registered = history.events.find((e) => e.type === 'ProjectRegistered')!.summary;
    const versions = erasableVersions(history, part);
    response.status(problems.length > 0 ? 400 : 200).render(
      'story/erase.njk',
      pageContext(request, `Erase the words of a version: ${STORY_PART_WORDS[part].name.toLowerCase()}`, {
        project: { projectId: String(registered.projectId), title: String(registered.title) },
        part: { part, ...STORY_PART_WORDS[part] },
        versions: versions.map((v, i) => ({
          value: v.eventId,
          text: v.text,
          hint: {
            text: `Written ${v.recordedOnWords}${v.withdrawn ? ', withdrawn since' : i === versions.length - 1 ? ', the latest version' : ''}`,
          },
          checked: answers.eventId === v.eventId,
        })),
        unsealed: unsealedVersions(history, part),
        answers,
        errors,
        errorOf,
      }),
    );
  }
}

/** The story versions of a part whose sealed words can still be read, and so erased, oldest first. */
function erasableVersions(history: EntityHistory, part: StoryPart): ErasableVersion[] {
  return history.events
    .filter(
      (e) =>
        e.type === 'ProjectStoryRecorded' &&
        e.summary.part === part &&
        typeof e.summary.sealedUnder === 'string' &&
        typeof e.summary.text === 'string',
    )
    .map((e) => ({
      eventId: e.eventId,
      text: String(e.summary.text),
      recordedOnWords: dateWords(String(e.summary.recordedOn)),
      withdrawn: e.correctedBy.some((c) => c.kind === 'void'),
    }));
}

/** How many versions of a part were written before words were sealed: they cannot be erased, only withdrawn. */
function unsealedVersions(history: EntityHistory, part: StoryPart): number {
  return history.events.filter((e) => e.type === 'ProjectStoryRecorded' && e.summary.part === part && e.summary.sealedUnder === undefined).length;
}

/** A part named in the address; any other is a page that does not exist. */
function storyPart(part: string): StoryPart {
  if (!(STORY_PARTS as readonly string[]).includes(part)) {
    throw notFound('project.story_part_not_found', `a project's story has no part "${part}"; the parts are ${STORY_PARTS.join(', ')}`);
  }
  return part as StoryPart;
}
