import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, SETUP_ACTIVITIES, STAGES } from '@coprod/domain/core/vocabulary';
import { loadFrameworkFile } from './framework-file';
import { shippedDataDir } from './framework-registry';

const load = (name: string) => loadFrameworkFile(join(shippedDataDir(), `${name}.yaml`));

describe('the shipped frameworks', () => {
  const files = readdirSync(shippedDataDir()).filter((name) => name.endsWith('.yaml'));

  it('ships the four frameworks', () => {
    expect(files.sort()).toEqual(['bracknell-forest.yaml', 'care-act-nef-scie.yaml', 'southend.yaml', 'west-berkshire.yaml']);
  });

  it.each(files)('%s validates, is named after its id and gives every outcome at least two indicators', (file) => {
    const framework = loadFrameworkFile(join(shippedDataDir(), file));

    expect(`${framework.id}.yaml`).toBe(file);
    for (const outcome of framework.outcomes) expect(outcome.indicators.length).toBeGreaterThanOrEqual(2);
    expect(framework.outcomes.map((o) => o.number)).toEqual(framework.outcomes.map((_, index) => index + 1));
  });

  describe('West Berkshire', () => {
    const wb = load('west-berkshire');

    it('has the five outcomes in the framework\'s own words, with outcome 5 tailored per project', () => {
      expect(wb.outcomes.map((o) => o.title)).toEqual([
        'Residents and communities have increased influence over the decisions and services that affect their lives.',
        'Residents, council staff and councillors have the skills and knowledge they need to work together effectively.',
        'Residents and communities are more engaged in local decisions.',
        'Residents, council staff and councillors are more confident about working together in equal partnerships.',
        'Services and decisions are improved because those affected by them have directly influenced their design and delivery.',
      ]);
      expect(wb.outcomes.map((o) => o.tailoredPerProject)).toEqual([false, false, false, false, true]);
    });

    it('keeps expenses out of the outcomes (they have their own section)', () => {
      expect(wb.outcomes.flatMap((o) => o.indicators)).not.toContain('expenses');
    });

    it('has its three principles, its definition and aim, the four set-up activities, stages and TLAP ladder', () => {
      expect(wb.principles.map((p) => p.name)).toEqual(['Equality', 'Making a difference', 'Inclusive']);
      expect(wb.definition).toBe(
        'Co-production is a process that involves residents and communities as equal partners with council officers and Councillors in the design, delivery and evaluation of services.',
      );
      expect(wb.aim).toContain('work together in equal partnerships to design and deliver better services');
      expect(wb.setupActivities.map((a) => a.id)).toEqual([...SETUP_ACTIVITIES]);
      expect(wb.stages.map((s) => s.id)).toEqual([...STAGES]);
      expect(wb.ladder.map((rung) => rung.id)).toEqual([...LADDER_LEVELS]);
      expect(wb.benefits).toHaveLength(3);
    });
  });

  describe('Bracknell Forest', () => {
    const bf = load('bracknell-forest');

    it('has its six principles and says what co-production is not, with the checks the engine can run', () => {
      expect(bf.principles).toHaveLength(6);
      expect(bf.notCoproduction.map((item) => item.check)).toEqual([
        'consultation_on_formed_options',
        'volunteering_without_contribution',
        null,
        'no_residents_involved',
      ]);
      expect(bf.notCoproduction[3].description).toContain('when local people are not directly involved');
    });

    it('says its outcomes are derived, since Bracknell Forest publishes none', () => {
      expect(bf.source).toContain('publishes no numbered outcomes');
      expect(bf.outcomes.length).toBeGreaterThanOrEqual(3);
      for (const outcome of bf.outcomes) expect(outcome.description).toMatch(/^Derived from "/);
    });
  });

  describe('Southend', () => {
    const southend = load('southend');

    it('has the four activities as stages in order, ten principles, and its three benefits as outcomes', () => {
      expect(southend.stages.map((s) => s.id)).toEqual([...STAGES]);
      expect(southend.stages[2].description).toContain('Not every service will be co-delivered');
      expect(southend.principles).toHaveLength(10);
      const benefits = ['Personal development', 'Better services for the community', 'Tangible impact on the community'];
      expect(southend.benefits.map((b) => b.name)).toEqual(benefits);
      expect(southend.outcomes.map((o) => o.title)).toEqual(benefits);
    });
  });

  describe('Care Act, NEF and SCIE', () => {
    const nef = load('care-act-nef-scie');

    it('uses the Care Act definition and quotes TLAP and the Co-production Network beside it', () => {
      expect(nef.definition).toMatch(/^Co-production is when you as an individual influence the support and services you receive/);
      expect(nef.otherDefinitions.map((d) => d.source)).toEqual(
        expect.arrayContaining(['Think Local Act Personal National Co-production Advisory Group', 'Co-production Network']),
      );
    });

    it("has NEF's six elements with one outcome each, SCIE's four values and Needham and Carr's three levels", () => {
      expect(nef.elements).toHaveLength(6);
      expect(nef.outcomes.map((o) => o.description)).toEqual(nef.elements.map((e) => `From NEF's element "${e.name}".`));
      expect(nef.values.map((v) => v.id)).toEqual(['equality', 'diversity', 'accessibility', 'reciprocity']);
      expect(nef.levels.map((l) => l.id)).toEqual([...NEEDHAM_CARR_LEVELS]);
    });
  });
});
