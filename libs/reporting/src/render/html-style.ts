/** The HTML twin's stylesheet: GOV.UK-like type, AA contrast, and print rules for A4. */
export const HTML_STYLE = `
:root { --ink: #0b0c0c; --secondary: #505a5f; --brand: #1d4f91; --accent: #00665e; --tile: #f3f2f1; --rule: #b1b4b6; --link: #1d4f91; --focus: #ffdd00; }
* { box-sizing: border-box; }
@font-face { font-family: "Report Arabic"; src: local("Noto Naskh Arabic"), local("NotoNaskhArabic-Regular"); unicode-range: U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF; }
@font-face { font-family: "Report Arabic"; font-weight: bold; src: local("Noto Naskh Arabic Bold"), local("NotoNaskhArabic-Bold"); unicode-range: U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF; }
@font-face { font-family: "Report Hebrew"; src: local("Noto Sans Hebrew"), local("NotoSansHebrew-Regular"); unicode-range: U+0590-05FF, U+FB1D-FB4F; }
@font-face { font-family: "Report Hebrew"; font-weight: bold; src: local("Noto Sans Hebrew Bold"), local("NotoSansHebrew-Bold"); unicode-range: U+0590-05FF, U+FB1D-FB4F; }
html { font-family: "Report Arabic", "Report Hebrew", "DejaVu Sans", Arial, "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Gurmukhi", "Noto Sans Gujarati", "Noto Sans Tamil", "Noto Sans Sinhala", "Noto Sans Ethiopic", "Noto Sans Thai", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
:lang(ur), :lang(pa-Arab), :lang(pnb), :lang(skr) { font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; line-height: 2.2; }
:lang(zh-Hant), :lang(zh-TW), :lang(zh-HK), :lang(zh-MO), :lang(yue) { font-family: "DejaVu Sans", Arial, "Noto Sans TC", "Noto Sans CJK TC", "Noto Sans SC", sans-serif; }
:lang(ja) { font-family: "DejaVu Sans", Arial, "Noto Sans JP", "Noto Sans CJK JP", "Noto Sans SC", sans-serif; }
:lang(ko) { font-family: "DejaVu Sans", Arial, "Noto Sans KR", "Noto Sans CJK KR", "Noto Sans SC", sans-serif; }
body { margin: 0; overflow-wrap: break-word; }
a { color: var(--link); }
a:focus { outline: 3px solid transparent; background: var(--focus); color: var(--ink); box-shadow: 0 -2px var(--focus), 0 4px var(--ink); text-decoration: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; }
.skip-link:focus { left: 0; z-index: 10; }
.masthead { background: var(--brand); color: #fff; padding: 1.25rem max(1rem, calc((100% - 46rem) / 2)); font-weight: bold; font-size: 1.1rem; }
main, .page-footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 2.2rem; line-height: 1.2; margin: 2rem 0 0.5rem; }
.subtitle { font-size: 1.2rem; color: var(--secondary); margin-top: 0; }
h2 { font-size: 1.6rem; color: var(--brand); margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
.facts { display: grid; grid-template-columns: 12rem 1fr; border-top: 1px solid var(--rule); margin: 1rem 0; }
.facts dt, .facts dd { margin: 0; padding: 0.4rem 0.5rem 0.4rem 0; border-bottom: 1px solid var(--rule); }
.facts dt { font-weight: bold; }
.facts dd { min-width: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dt { border-bottom: none; padding-bottom: 0; } }
.contents ol { padding-left: 1.25rem; }
.key-figures { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem; }
.key-figures li { background: var(--tile); border-left: 5px solid var(--brand); padding: 0.75rem 1rem; }
.key-figures .value { font-size: 1.8rem; font-weight: bold; color: var(--brand); margin: 0; line-height: 1.2; }
.key-figures p { margin: 0.25rem 0 0; }
.basis { color: var(--secondary); font-size: 0.9rem; }
figure { margin: 1.5rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--tile); }
figcaption { font-weight: bold; margin-bottom: 0.5rem; }
.chart-title { font-size: 1.1rem; color: var(--ink); margin: 0 0 0.5rem; }
.provenance-note .note { color: var(--secondary); font-size: 0.9rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
th, td { text-align: left; padding: 0.4rem 0.5rem 0.4rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { background: var(--tile); padding-left: 0.5rem; }
.quote { border-left: 5px solid var(--accent); padding-left: 1rem; }
.quote blockquote { margin: 0; font-style: italic; font-size: 1.1rem; }
.quote blockquote.upright { font-style: normal; }
.quote figcaption { font-weight: normal; color: var(--secondary); margin: 0.4rem 0 0; }
.quote .context { color: var(--secondary); font-size: 0.9rem; margin: 0.25rem 0 0; }
.notice { background: #e8f1f8; border-left: 5px solid var(--brand); padding: 0.75rem 1rem; margin: 1rem 0; }
.table-box { overflow-x: auto; max-width: 100%; }
.table-box:focus { outline: 3px solid var(--focus); }
.numbered { display: grid; grid-template-columns: 2.25rem 1fr; }
.marking { color: #d4351c; font-weight: bold; text-transform: uppercase; border: 2px solid #d4351c; padding: 0.25rem 0.5rem; display: inline-block; margin: 1rem 0 0; }
.mono { font-family: "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.page-footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; color: var(--secondary); font-size: 0.9rem; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  html { font-size: 10.5pt; }
  .skip-link, .contents { display: none; }
  .masthead { background: none; color: var(--ink); padding: 0; border-bottom: 3pt solid var(--brand); }
  main, .page-footer { max-width: none; padding: 0; }
  figure, table, .key-figures li, .quote, .notice { break-inside: avoid; }
  h2, h3, .chart-title { break-after: avoid; }
  .provenance { break-before: page; }
  .table-box { overflow: visible; }
  .marking { position: fixed; top: 0; right: 0; margin: 0; }
  a { color: var(--ink); text-decoration: none; }
}
`;
