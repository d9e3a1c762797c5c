'use strict';
/** The product's case-study report, as `coprod report case-study` and the API produce it. */
const { product } = require('./register');

/** Renders the case study of `projectId` in `format` (pdf or html) through the product's ReportService. */
function caseStudyReport(ctx) {
  const { ReportService } = product('libs/application/src/reports');
  const service = ctx.app.get(ReportService, { strict: false });
  return async (projectId, format = 'pdf') => (await service.caseStudy(projectId, {}, format)).body;
}

/** The demo's case study, whose report the benchmarks time. */
const CASE_STUDY_PROJECT = 'p-energy';

module.exports = { caseStudyReport, CASE_STUDY_PROJECT };
