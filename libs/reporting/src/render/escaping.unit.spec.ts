import { caseStudyFixture } from '../model/report-model.fixture';
import type { ReportModel } from '../model/report-model';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

/** The fixture with one section whose every piece of text came from a hostile or careless record. */
function hostile(blocks: ReportModel['sections'][number]['blocks'], heading = 'From the record'): ReportModel {
  const model = caseStudyFixture();
  model.sections.push({ id: 'hostile', heading, blocks });
  return model;
}

const sectionOf = (markdown: string, heading: string) => markdown.slice(markdown.indexOf(`## ${heading}`), markdown.indexOf('## Where these figures come from'));

describe('renderMarkdown escapes every piece of text from the record', () => {
  it('never lets a tag through: <script> shows as text, in a title, a paragraph or a table', () => {
    const model = hostile([
      { kind: 'paragraph', text: 'Parks <script>alert(1)</script> & <img src=x onerror=alert(2)>' },
      { kind: 'table', table: { caption: '<b>Bold</b>', columns: ['<i>a</i>'], rows: [['<script>x</script>']], rowHeaders: false } },
    ]);
    model.title = 'Energy <script>alert(0)</script>';
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('# Energy \\<script\\>alert(0)\\</script\\>');
    expect(markdown).toContain('Parks \\<script\\>alert(1)\\</script\\> & \\<img src=x onerror=alert(2)\\>');
    expect(markdown).toContain('**\\<b\\>Bold\\</b\\>**');
    expect(markdown.match(/(^|[^\\])</gm)).toBeNull();
  });

  it('drops NUL, escape and other control characters but keeps tabs and line breaks', () => {
    const markdown = renderMarkdown(hostile([{ kind: 'paragraph', text: 'Red\u001b[31m alert\u0000 bell\u0007 del\u007f\tend\r\nnext line' }]));
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(sectionOf(markdown, 'From the record')).toContain('Red\\[31m alert bell del\tend\nnext line');
  });

  it('escapes emphasis, links, images, code and strikethrough, but leaves snake_case words as they are', () => {
    const text = '*bold* **strong** _it_ [link](https://x.example) ![img](x.png) `code` ~~gone~~ a\\b evaluation_lead &lt;';
    const markdown = renderMarkdown(hostile([{ kind: 'list', items: [text] }]));
    expect(markdown).toContain(
      '- \\*bold\\* \\*\\*strong\\*\\* \\_it\\_ \\[link\\](https://x.example) !\\[img\\](x.png) \\`code\\` \\~\\~gone\\~\\~ a\\\\b evaluation_lead \\&lt;',
    );
  });

  it('escapes pipes in table cells so a cell cannot add a column', () => {
    const markdown = renderMarkdown(hostile([{ kind: 'table', table: { caption: 'Votes', columns: ['Who', 'Said'], rows: [['a | b', '|c|']], rowHeaders: false } }]));
    expect(markdown).toContain('| a \\| b | \\|c\\| |');
  });

  it('keeps a line of text from starting a heading, list, quote, table or rule', () => {
    const text = ['# Not a heading', '- not a list', '+ nor this', '1. nor this', '> nor a quote', '| a | b |', '---', '    not code', '===', '312.5 stays a number'].join('\n');
    const section = sectionOf(renderMarkdown(hostile([{ kind: 'paragraph', text }])), 'From the record');
    expect(section).toContain(
      ['\\# Not a heading', '\\- not a list', '\\+ nor this', '1\\. nor this', '\\> nor a quote', '\\| a | b |', '\\---', 'not code', '\\===', '312.5 stays a number'].join('\n'),
    );
  });

  it('keeps a heading from the record whole, closing hashes included', () => {
    expect(renderMarkdown(hostile([], 'Learning C # together ##'))).toContain('\n## Learning C # together \\##\n');
  });

  it('keeps every line of quoted words inside the quote', () => {
    const markdown = renderMarkdown(
      hostile([{ kind: 'quote', quote: { text: 'First line\n\n# second', attribution: 'Member *named*', lang: 'en', outcomeIds: [] } }]),
    );
    expect(markdown).toContain('> “First line\n> \n> \\# second”\n>\n> — Member \\*named\\*');
  });
});

describe('renderHtml escapes every piece of text from the record', () => {
  it('escapes attribute values and drops control characters HTML does not allow', () => {
    const model = caseStudyFixture();
    model.lang = 'en" onload="alert(1)';
    model.publisher = "Council' data-x='1";
    model.title = 'Energy\u0000 note\u001b[2J';
    const html = renderHtml(model);
    expect(html).toContain('<html lang="en&quot; onload=&quot;alert(1)">');
    expect(html).toContain('<meta name="author" content="Council&#39; data-x=&#39;1">');
    expect(html).toContain('<h1>Energy note[2J</h1>');
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  });
});
