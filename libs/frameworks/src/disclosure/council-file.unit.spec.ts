import { DisclosureFileError, layerCouncilDisclosure, parseCouncilDisclosure } from './council-file';
import { describeProtection } from './disclose';
import { isProtected, sensitivityPolicy } from './sensitivity';

const SHOW_ROLES = `# West Berkshire Council: disclosure settings for every project
threshold:
  value: 10
  reason: The Corporate Information Governance Group set 10 for every publication from 2026.
dimensions:
  role:
    protected: false
    reason: Our co-production groups meet in public and members agree to be named by role.
`;

function problemOf(text: string): string {
  try {
    parseCouncilDisclosure(text, 'disclosure.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(DisclosureFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe("a council's disclosure settings file", () => {
  it('reads the threshold and each changed dimension with its reason', () => {
    const settings = parseCouncilDisclosure(SHOW_ROLES, 'disclosure.yaml');
    expect(settings.threshold).toEqual({ value: 10, reason: 'The Corporate Information Governance Group set 10 for every publication from 2026.' });
    expect(settings.dimensions.role).toMatchObject({ protected: false });
  });

  it('wins over the framework file, which wins over the defaults, dimension by dimension', () => {
    const framework = {
      dimensions: {
        role: { protected: true, publicCategories: ['resident', 'carer'], reason: 'The framework shows carers.' },
        survey_mean: { protected: false, reason: 'The framework shows survey means.' },
      },
    };
    const council = parseCouncilDisclosure(SHOW_ROLES, 'disclosure.yaml');
    const policy = sensitivityPolicy(layerCouncilDisclosure(framework, council)!.dimensions);
    expect(isProtected(policy, 'role', 'carer')).toBe(false);
    expect(policy.role).toMatchObject({ setBy: 'council', reason: 'Our co-production groups meet in public and members agree to be named by role.' });
    expect(policy.survey_mean).toMatchObject({ protected: false, setBy: 'framework' });
    expect(isProtected(policy, 'seldom_heard_group', 'older_people')).toBe(true);
    expect(policy.seldom_heard_group.setBy).toBeUndefined();
  });

  it("puts the council's reasons, and whose they are, in the method section's words", () => {
    const council = parseCouncilDisclosure(SHOW_ROLES, 'disclosure.yaml');
    const effective = layerCouncilDisclosure(undefined, council)!;
    const sentences = describeProtection(sensitivityPolicy(effective.dimensions), 10, effective.threshold).sentences.join('\n');
    expect(sentences).toContain(
      "The threshold of 10 is the council's setting: The Corporate Information Governance Group set 10 for every publication from 2026.",
    );
    expect(sentences).toContain(
      "Role is shown (the council's setting): Our co-production groups meet in public and members agree to be named by role.",
    );
    expect(sentences).not.toMatch(/Figures about role,/);
    // A threshold the output was not made under is not explained by the council's reason.
    expect(describeProtection(sensitivityPolicy(effective.dimensions), 1, effective.threshold).sentences.join('\n')).not.toContain(
      "council's setting: The",
    );
  });

  it('names in the method section the categories a council shows from a protected dimension, whatever its reason says', () => {
    const council = parseCouncilDisclosure(
      'dimensions:\n  role:\n    protected: true\n    publicCategories: [resident, carer]\n    reason: Carers asked to be counted.\n',
      'disclosure.yaml',
    );
    const sentences = describeProtection(sensitivityPolicy(layerCouncilDisclosure(undefined, council)!.dimensions), 5).sentences;
    expect(sentences).toContain("Role (the council's setting): Carers asked to be counted. Shown all the same: resident, carer.");
    // The defaults' own exemptions are in their reason already, so no sentence repeats them.
    expect(describeProtection(sensitivityPolicy(), 5).sentences.join('\n')).not.toContain('Shown all the same');
  });

  it('refuses a category the dimension does not have, so a misspelling cannot seem to show a group', () => {
    expect(problemOf('dimensions:\n  role:\n    protected: true\n    publicCategories: [resident, Councilor, nonexistent]\n    reason: x\n')).toMatch(
      /dimensions\.role\.publicCategories: "Councilor", "nonexistent" are not categories of role \(known: resident, /,
    );
    expect(problemOf('dimensions:\n  expense_category:\n    protected: true\n    publicCategories: [bus]\n    reason: x\n')).toMatch(
      /"bus" is not a category of expense_category \(known: travel, /,
    );
  });

  it('refuses an unknown dimension, naming it and its line', () => {
    expect(problemOf('dimensions:\n  ethnicity:\n    protected: false\n    reason: Published in the census.\n')).toMatch(
      /disclosure\.yaml line 3, column 5: dimensions\.ethnicity: "ethnicity" is not a known dimension \(known: role, /,
    );
  });

  it('refuses a threshold that is not a whole number, a change with no reason and a misspelt key, listing each with its line', () => {
    const message = problemOf('threshold:\n  value: 2.5\n  reason: Smaller groups.\ndimensions:\n  carers:\n    protected: true\n    reasn: typo\n');
    expect(message).toContain('disclosure.yaml is not a usable disclosure settings file');
    expect(message).toMatch(/line 2, column 10: threshold\.value: /);
    expect(message).toMatch(/line 6, column 5: dimensions\.carers\.reason: is missing; add it/);
    expect(message).toMatch(/line 7, column 5: dimensions\.carers\.reasn: "reasn" is not a field here/);
    expect(problemOf('dimensions:\n  role:\n    protected: false\n')).toMatch(/line 3, column \d+: dimensions\.role\.reason: is missing; add it/);
    expect(problemOf('thresold: 3\n')).toMatch(/line 1, column 1: thresold: "thresold" is not a field here/);
  });

  it('refuses to protect a dimension no figure is withheld by, rather than ignore the setting', () => {
    expect(problemOf('dimensions:\n  attendance_format:\n    protected: true\n    reason: Paper is rare here.\n')).toMatch(
      /line 3, column 16: dimensions\.attendance_format\.protected: attendance_format cannot be protected: no figure is yet withheld by it/,
    );
    expect(
      parseCouncilDisclosure('dimensions:\n  attendance_format:\n    protected: false\n    reason: Shown.\n', 'd.yaml').dimensions.attendance_format,
    ).toBeDefined();
  });

  it('refuses a file that changes nothing, and a file that is not YAML', () => {
    expect(problemOf('dimensions: {}\n')).toMatch(/changes nothing/);
    expect(problemOf('dimensions:\n  role: [\n')).toMatch(/YAML syntax/);
  });
});
