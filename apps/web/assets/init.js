// Enhances the pages where JavaScript runs; every page works without it.
import { initAll } from '/assets/govuk-frontend.min.js';
initAll();
