import { DISCLOSURE_DIMENSIONS, FrameworkRegistry, INDICATOR_CATALOGUE, SHOWN_ONLY_DIMENSIONS } from '@coprod/frameworks';
import { smallProject } from './small-project';

describe('the dimensions a council can protect are the ones the figures declare', () => {
  it('every dimension some figure is withheld by can be protected, and every other one is refused as shown only', () => {
    const framework = FrameworkRegistry.load().default();
    const declared = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const facts = smallProject(seed);
      for (const definition of INDICATOR_CATALOGUE.values()) {
        const spec = definition.compute(facts, { suppressionThreshold: 5, framework }).disclosure;
        for (const q of spec?.quantities ?? []) if (q.dimension) declared.add(q.dimension);
        if (spec?.merge) declared.add(spec.merge.dimension);
      }
    }
    expect(DISCLOSURE_DIMENSIONS.filter((d) => !declared.has(d)).sort()).toEqual([...SHOWN_ONLY_DIMENSIONS].sort());
  });
});
