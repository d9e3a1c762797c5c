import type { ReportModel } from './report-model';

/**
 * A realistic case-study model for renderer tests: figures with their n, one suppressed figure,
 * Welsh and Polish quotes, two charts and a table.
 */
export function caseStudyFixture(): ReportModel {
  return {
    kind: 'case_study',
    title: 'Community energy guidance: a co-production case study',
    subtitle: 'How residents and officers wrote the introductory guidance note together',
    lang: 'en-GB',
    publisher: 'West Berkshire Council',
    suppressionThreshold: 5,
    cover: [
      { label: 'Project', value: 'An introductory guidance note on community energy generation' },
      { label: 'Aim', value: 'Help community groups decide whether a local energy scheme suits them' },
      { label: 'Period', value: '1 September 2025 to 31 March 2026' },
      { label: 'Framework', value: 'West Berkshire co-production framework, version 2' },
    ],
    sections: [
      {
        id: 'at_a_glance',
        heading: 'At a glance',
        blocks: [
          {
            kind: 'key_figures',
            figures: [
              { label: 'people took part', value: '23', n: 23, suppressed: false, sourceEventIds: ['ev-101', 'ev-102'] },
              { label: 'hours given by residents', value: '312.5', n: 17, suppressed: false, sourceEventIds: ['ev-140'] },
              { label: 'expenses paid to participants', value: '£1,284.60', n: 14, suppressed: false, sourceEventIds: ['ev-201'] },
              { label: 'carers who took part', value: '3', n: 3, suppressed: true, sourceEventIds: ['ev-150'], note: 'Counted, not published' },
              { label: 'sessions held', value: '11', n: null, suppressed: false, sourceEventIds: ['ev-110'] },
              { label: 'changes adopted from residents', value: '7 of 9', n: 9, suppressed: false, sourceEventIds: ['ev-300'] },
            ],
          },
        ],
      },
      {
        id: 'outcomes',
        heading: 'Outcomes',
        blocks: [{ kind: 'paragraph', text: 'Each outcome of the framework is shown with its figure and, where people agreed, their own words.' }],
        subsections: [
          {
            id: 'outcome-1',
            heading: 'Outcome 1: Residents have increased influence over decisions',
            headingValues: { number: '1', title: 'Residents have increased influence over decisions' },
            blocks: [
              {
                kind: 'figure',
                figure: { label: 'Residents who said they influenced the guidance', value: '82%', n: 17, suppressed: false, sourceEventIds: ['ev-400'], note: 'End-of-project survey' },
              },
              {
                kind: 'quote',
                quote: {
                  text: "Mae'r grŵp wedi newid y cynllun",
                  attribution: 'Group member, resident',
                  lang: 'cy',
                  context: 'Said at the co-design workshop on 14 November 2025 ("The group has changed the plan").',
                  outcomeIds: ['wb-1'],
                },
              },
            ],
          },
          {
            id: 'outcome-4',
            heading: 'Outcome 4: People are more confident working in equal partnership',
            headingValues: { number: '4', title: 'People are more confident working in equal partnership' },
            blocks: [
              {
                kind: 'chart',
                chart: {
                  id: 'confidence',
                  type: 'bar',
                  title: 'Confidence working in partnership, before and after',
                  alt: 'Average confidence rose for residents and for officers; it rose most for residents.',
                  categories: ['Residents', 'Council officers', 'Councillors'],
                  series: [
                    { name: 'Before', values: [41, 58, 63] },
                    { name: 'After', values: [77, 72, null] },
                  ],
                  unit: 'percent agreeing',
                  valueFormat: 'percent',
                },
              },
              {
                kind: 'quote',
                quote: { text: 'Zażółć gęślą jaźń', attribution: 'Participant, role only', lang: 'pl', outcomeIds: ['wb-4'] },
              },
            ],
          },
        ],
      },
      {
        id: 'time_given',
        heading: 'Time given',
        blocks: [
          {
            kind: 'chart',
            chart: {
              id: 'hours-by-role',
              type: 'stacked_bar',
              title: 'Hours given, by role and stage',
              alt: 'Residents gave most of the time in both co-design and co-delivery.',
              categories: ['Residents', 'Voluntary sector', 'Council officers'],
              series: [
                { name: 'Co-design', values: [11250, 1620, 4380] },
                { name: 'Co-delivery', values: [7500, 960, 2100] },
              ],
              unit: 'hours',
              valueFormat: 'hours',
            },
          },
        ],
      },
      {
        id: 'expenses',
        heading: 'Expenses and recognition',
        blocks: [
          {
            kind: 'table',
            table: {
              caption: 'Expenses paid, by kind',
              columns: ['Kind', 'Claims', 'Paid'],
              rows: [
                ['Travel', '21', '£412.80'],
                ['Childcare cover', '6', '£540.00'],
                ['Vouchers for time', '12', '£331.80'],
              ],
              rowHeaders: true,
            },
          },
          { kind: 'list', items: ['Every claim was approved before payment.', 'No claim waited more than 14 days.'] },
          { kind: 'notice', text: 'Figures about fewer than 5 people are not published, to protect their privacy.' },
        ],
      },
      {
        id: 'provenance',
        heading: 'Where these figures come from',
        blocks: [{ kind: 'paragraph', text: 'Every figure in this report was computed from the council’s append-only record of co-production events.' }],
      },
    ],
    provenance: {
      firstPosition: 1,
      lastPosition: 1842,
      eventCount: 1842,
      lastEventHash: '9f2c4e1d7a3b5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f',
      chainHead: { position: 1842, hash: '9f2c4e1d7a3b5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f' },
      frameworkId: 'west-berkshire',
      frameworkVersion: '2',
      asOf: '2026-03-31T23:59:59Z',
      knownAt: '2026-04-02T09:00:00Z',
      generatedAt: '2026-04-02T09:15:00Z',
      definitionVersion: 'case-study 1',
      regenerateCommand: 'coprod report case-study --project p-energy --as-of 2026-03-31 --known-at 1842',
      storeDescription: 'the embedded event store',
    },
  };
}
