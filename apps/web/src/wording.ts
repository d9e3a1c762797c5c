/** A vocabulary value as people say it: `co_design` is "co-design", `in_person` is "in person". */
export function wording(value: string | null | undefined): string {
  if (!value) return '';
  const special: Record<string, string> = {
    co_planning: 'co-planning',
    co_design: 'co-design',
    co_delivery: 'co-delivery',
    co_evaluation: 'co-evaluation',
    co_production: 'co-production',
  };
  return special[value] ?? value.replace(/_/g, ' ');
}
