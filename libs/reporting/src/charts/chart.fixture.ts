import type { ChartSpec } from '../model/report-model';

/** A stacked chart of two stages over three roles, one value not shown: the chart the chart specs draw. */
export const hoursByRole: ChartSpec = {
  id: 'hours-by-role',
  type: 'stacked_bar',
  title: 'Hours given, by role and stage',
  alt: 'Residents gave the most hours in both stages.',
  categories: ['Residents', 'Carers', 'Council officers'],
  series: [
    { name: 'Co-design', values: [1260, 300, 480] },
    { name: 'Co-delivery', values: [900, null, 240] },
  ],
  unit: 'hours',
  valueFormat: 'hours',
};
