import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ReportEvidence, reportDefinition } from '@coprod/application';
import { selectedConnectionString } from '@coprod/event-store';
import { Figure, QuoteBlock, ReportModel, ReportSection, TableSpec } from '@coprod/reporting';
import { buildCaseStudy, regenerateCommand } from '@coprod/reporting/builders';

/** What a resident's "You said, we did" page shows of a project, all of it from its public case study. */
export interface PublicPage {
  model: ReportModel;
  figures: { heading: string; figures: Figure[] } | undefined;
  youSaidWeDid: { heading: string; paragraphs: string[]; tables: TableSpec[] } | undefined;
  notAdopted: { heading: string; tables: TableSpec[] } | undefined;
  /** Each consented quote once, in the order the case study first shows it. */
  quotes: QuoteBlock[];
}

/**
 * The project's case study exactly as it is published for the public audience (the same builder,
 * consent rules, suppression threshold and report definition as `coprod report case-study
 * --audience public`), cut into what a resident's page shows. Built afresh on every visit, so a
 * withdrawal of consent or an erasure shows at once.
 */
@Injectable()
export class PublicCaseStudy {
  constructor(
    private readonly evidence: ReportEvidence,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(projectId: string): Promise<PublicPage> {
    await this.evidence.catchUp();
    const { evidence, chainHead } = await this.evidence.project(projectId, undefined, undefined, undefined);
    const fileName = `case-study-${projectId}.html`;
    const command = regenerateCommand(
      'case-study',
      [['project', projectId], ['framework', evidence.framework.id], ['as-of', evidence.clocks.asOf], ['known-at', String(evidence.clocks.knownAtPosition)], ['audience', 'public']],
      'html',
      fileName,
    );
    const model = buildCaseStudy({
      evidence,
      audience: 'public',
      setting: {
        publisher: this.config.publisher,
        suppressionThreshold: this.config.suppressionThreshold,
        chainHead,
        storeDescription: selectedConnectionString({ connectionString: this.config.eventStoreConnectionString ?? '', env: {} }) ? 'EventStoreDB' : 'the embedded event store',
        definition: reportDefinition('case_study'),
        regenerateCommand: command,
      },
    });
    const section = (id: string) => model.sections.find((s) => s.id === id);
    const glance = section('at_a_glance');
    const said = section('you_said_we_did');
    const notAdopted = section('not_adopted');
    return {
      model,
      figures: glance && { heading: glance.heading, figures: glance.blocks.flatMap((b) => (b.kind === 'key_figures' ? b.figures : [])) },
      youSaidWeDid: said && { heading: said.heading, paragraphs: paragraphs(said), tables: tables(said) },
      notAdopted: notAdopted && { heading: notAdopted.heading, tables: tables(notAdopted) },
      quotes: quotesOnce(model.sections),
    };
  }
}

function paragraphs(section: ReportSection): string[] {
  return section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

function tables(section: ReportSection): TableSpec[] {
  return section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

function quotesOnce(sections: readonly ReportSection[]): QuoteBlock[] {
  const seen = new Set<string>();
  const quotes: QuoteBlock[] = [];
  const walk = (section: ReportSection) => {
    for (const block of section.blocks) {
      if (block.kind !== 'quote') continue;
      const key = block.quote.quoteId ?? `${block.quote.text}\u0000${block.quote.attribution}`;
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push(block.quote);
    }
    section.subsections?.forEach(walk);
  };
  sections.forEach(walk);
  return quotes;
}
