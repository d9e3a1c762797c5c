import type { ReportModel, ReportSection } from '../model/report-model';
import type { ReportDefinition, SectionDefinition } from './report-definition';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Fills `{name}` placeholders from `values`; null when a placeholder has no value. */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string | null {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
}

function isEmpty(section: ReportSection): boolean {
  return section.blocks.length === 0 && (section.subsections ?? []).every(isEmpty);
}

function shape(section: ReportSection, def: SectionDefinition): ReportSection {
  const shaped: ReportSection = {
    ...section,
    heading: fillTemplate(def.heading, section.headingValues ?? {}) ?? section.heading,
    blocks: def.intro ? [{ kind: 'paragraph', text: def.intro }, ...section.blocks] : section.blocks,
  };
  if (section.subsections) {
    shaped.subsections = section.subsections.map((sub) => ({
      ...sub,
      heading: def.subsectionHeading ? (fillTemplate(def.subsectionHeading, sub.headingValues ?? {}) ?? sub.heading) : sub.heading,
    }));
  }
  return shaped;
}

/**
 * Shapes a built model by its definition: sections in the definition's order with its headings and
 * intro wording; sections it does not list are dropped, and empty ones go where it says `omitIfEmpty`.
 * The provenance section is kept even when empty: the renderers fill it from the model's provenance.
 */
export function applyReportDefinition(model: ReportModel, definition: ReportDefinition): ReportModel {
  if (definition.kind !== model.kind) {
    throw new Error(`definition is for ${definition.kind} reports but the model is a ${model.kind} report; load the ${model.kind} definition`);
  }
  const byId = new Map(model.sections.map((s) => [s.id, s]));
  const sections: ReportSection[] = [];
  for (const def of definition.sections) {
    const section = byId.get(def.id) ?? { id: def.id, heading: def.heading, blocks: [] };
    if (def.id !== 'provenance' && isEmpty(section) && (def.omitIfEmpty || !byId.has(def.id))) continue;
    sections.push(shape(section, def));
  }
  const title = definition.title
    ? (fillTemplate(definition.title, { title: model.title, subtitle: model.subtitle, publisher: model.publisher }) ?? model.title)
    : model.title;
  return {
    ...model,
    title,
    sections,
    provenance: { ...model.provenance, definitionVersion: `${definition.kind} ${definition.version}` },
  };
}
