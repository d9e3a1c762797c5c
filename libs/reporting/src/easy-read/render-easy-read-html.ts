import { escapeHtml as e } from '../render/render-html';
import { iconSvg } from './easy-read-icons';
import type { EasyReadIdea, EasyReadModel } from './easy-read.model';

/** Easy Read on screen: large type (22 px and up, above 16 pt), one idea to a row, the picture at its left. */
const STYLE = `
:root { --ink: #0b0c0c; --secondary: #505a5f; --brand: #1d4f91; --rule: #b1b4b6; --focus: #ffdd00; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; font-size: 22px; line-height: 1.5; }
body { margin: 0; }
a { color: var(--brand); }
a:focus { outline: 3px solid transparent; background: var(--focus); color: var(--ink); box-shadow: 0 -2px var(--focus), 0 4px var(--ink); text-decoration: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; }
.skip-link:focus { left: 0; z-index: 10; }
.masthead { background: var(--brand); color: #fff; padding: 1rem max(1rem, calc((100% - 40rem) / 2)); font-weight: bold; }
main, .page-footer { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 1rem; color: var(--brand); }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
.ideas { list-style: none; margin: 0; padding: 0; }
.ideas li { display: flex; align-items: center; gap: 1rem; padding: 0.6rem 0; border-bottom: 1px solid var(--rule); }
.ideas img { flex: 0 0 auto; width: 3rem; height: 3rem; }
.ideas p { margin: 0; overflow-wrap: anywhere; }
.page-footer { color: var(--secondary); font-size: 0.85rem; margin-top: 2rem; padding-bottom: 2rem; }
@media print { .skip-link { display: none; } .masthead { background: none; color: var(--ink); } .ideas li { break-inside: avoid; } h2 { break-after: avoid; } }
`;

function idea(i: EasyReadIdea): string {
  const src = `data:image/svg+xml;base64,${Buffer.from(iconSvg(i.icon), 'utf8').toString('base64')}`;
  return `<li><img src="${src}" alt="${e(i.alt)}" width="48" height="48"><p>${e(i.text)}</p></li>`;
}

/** Renders an Easy Read summary as one self-contained, accessible HTML page: each picture an image with its description. */
export function renderEasyReadHtml(model: EasyReadModel): string {
  const sections = model.sections
    .map((s) => {
      const id = `section-${s.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      return `<section aria-labelledby="${id}">\n<h2 id="${id}">${e(s.heading)}</h2>\n<ul class="ideas">${s.ideas.map(idea).join('\n')}</ul>\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${e(model.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${e(model.publisher)}">
<meta name="generator" content="coprod">
<title>${e(model.title)} – ${e(model.publisher)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="masthead">${e(model.publisher)}</header>
<main id="main" tabindex="-1">
<h1>${e(model.title)}</h1>
${sections}
</main>
<footer class="page-footer"><p>${e(model.publisher)}. Made from events ${model.provenance.firstPosition} to ${model.provenance.lastPosition} of the council's record.</p></footer>
</body>
</html>
`;
}
