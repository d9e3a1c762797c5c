export * from './model/report-model';
export { renderChartImage, drawChartsAhead, chartsOf, type ChartImage } from './charts/chart-image';
export { chartSize } from './charts/chart-config';
export { chartDrawing, type ChartDrawing, type ChartMark } from './charts/chart-vector';
export { chartTable, formatChartValue } from './charts/chart-format';
export { SERIES_COLOURS } from './charts/chart-palette';
export { renderPdf } from './render/render-pdf';
export { MissingGlyphError } from './render/pdf/pdf-font-choice';
export { renderHtml } from './render/render-html';
export { renderMarkdown } from './render/render-markdown';
export { renderDocx, DOCX_MEDIA_TYPE } from './render/render-docx';
export { figureBasis, provenanceRows, PROVENANCE_SECTION_ID } from './render/wording';
export * from './definitions/report-definition';
export { applyReportDefinition, fillTemplate } from './definitions/apply-report-definition';
export {
  loadDefinitionFor,
  loadReportDefinition,
  parseReportDefinition,
  ReportDefinitionError,
} from './definitions/load-report-definition';
export { EASY_READ_ICONS, type EasyReadIcon, type EasyReadIdea, type EasyReadModel, type EasyReadSection } from './easy-read/easy-read.model';
export { renderEasyReadPdf, EASY_READ_SIZE } from './easy-read/render-easy-read-pdf';
export { renderEasyReadHtml } from './easy-read/render-easy-read-html';
