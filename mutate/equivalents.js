'use strict';
/**
 * Mutants that cannot change what the program does, set aside with the reason why. A rule names the file
 * (a pattern), the mutator, and the source text the mutant replaces (a fragment, or a pattern the whole of
 * it must match), its replacement, or a fragment of its line, so it follows the code when lines move and
 * stops matching when the code changes. A rule is never a way to
 * pass a threshold: each reason must say why no test could tell the mutant from the original.
 */
const EQUIVALENTS = [
  {
    file: /libs\/domain\/src\/projects\/project\.decide\.ts$/,
    mutator: 'StringLiteral',
    original: "', '",
    line: "unskippable.join(', ')",
    reason:
      'of the four stages only co-design lies between co-planning and the optional co-delivery, so at most one stage is ever skipped that may not be: there is never a list to join',
  },
  {
    file: /libs\/domain\/src\/projects\/project\.ts$/,
    line: "case 'OutcomeTailored':",
    reason: "an event that leaves a project's state as it was: without its case it reaches default, which returns the same state",
  },
  {
    file: /libs\/domain\/src\/projects\/project\.ts$/,
    line: "case 'PrincipleReflectionRecorded':",
    reason: "an event that leaves a project's state as it was: without its case it reaches default, which returns the same state",
  },
  {
    file: /libs\/domain\/src\/projects\/project\.ts$/,
    line: "case 'ProjectStoryRecorded':",
    reason:
      "an event that leaves a project's state as it was (the story is read by the facts, not the decider): without its case it reaches default, which returns the same state (an event is never falsy)",
  },
  {
    file: /libs\/domain\/src\/decisions\/decision\.ts$/,
    line: "case 'EngagementAccountRecorded':",
    reason: "an event that leaves a decision's state as it was: without its case it reaches default, which returns the same state",
  },
  {
    file: /libs\/domain\/src\/decisions\/decision\.decide\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^dueBy !== null$/,
    line: 'if (dueBy !== null && isBefore(dueBy, decision.decidedOn))',
    replacement: 'true',
    reason:
      'Date.parse(null) is NaN and NaN is before no date, so a commitment with no due date is never refused as due before its decision either way',
  },
  {
    file: /libs\/domain\/src\/participants\/participant\.ts$/,
    line: "case 'ParticipantDetailsUpdated':",
    reason:
      "an event that leaves a participant's state as it was (their details are personal data, kept out of state): without its case it reaches default, which returns the same state",
  },
  {
    file: /libs\/domain\/src\/participants\/participant\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^state\.status === 'active'$/,
    replacement: 'true',
    reason:
      'an erased person returns just above, and a person not yet registered has no organisation to keep: their state holds none (undefined), and only an update, never decided before a registration, keeps the one before',
  },
  {
    file: /libs\/domain\/src\/surveys\/survey\.decide\.ts$/,
    mutator: 'ConditionalExpression',
    original: "typeof value !== 'number'",
    reason: 'Number.isInteger is false for anything that is not a number, so the answer is refused either way',
  },
  {
    file: /libs\/domain\/src\/surveys\/survey\.decide\.ts$/,
    mutator: 'ConditionalExpression',
    line: 'if (!other) return;',
    reason: 'checked only once a response is recorded and the phase asked for is not (refused just above), so the other phase is always there',
  },
  {
    file: /libs\/domain\/src\/surveys\/survey\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^state\.status === 'responded'$/,
    line: "const responses = state.status === 'responded' ? state.responses : {};",
    replacement: 'true',
    reason:
      'a survey with no responses has no responses field: spreading its undefined adds nothing, exactly as spreading the empty {} does, so the first response folds the same',
  },
  {
    file: /libs\/domain\/src\/expenses\/expense\.decide\.ts$/,
    mutator: 'StringLiteral',
    original: "'claimed'",
    line: "case 'claimed':",
    reason:
      'the claimed case only returns, and the switch has no default: a claim whose status no case names falls out of it and returns just the same, so a claimed claim is let through either way',
  },
  {
    file: /libs\/domain\/src\/corrections\/correctable\.ts$/,
    mutator: 'OptionalChaining',
    original: 'decider.corrections?.recordedBy',
    reason:
      'checkStillDecidable is called only by decideCorrection, after it has found the rule in decider.corrections (a decider without corrections is refused before): corrections is always there',
  },
  {
    file: /libs\/domain\/src\/corrections\/correctable\.ts$/,
    mutator: 'StringLiteral',
    original: '`${command.metadata.commandId}:correction`',
    reason:
      'the proposed correction is an EventCorrected, which applyCorrections reads only for the event it names and leaves out of the history it returns: its own id is never read, whatever it is',
  },
  {
    file: /libs\/domain\/src\/corrections\/correction\.ts$/,
    original: /^kind === 'amend'( && changes)?$/,
    line: "if (kind === 'amend' && changes)",
    reason:
      'a void carries no changes (null) and removes its event from what is read, so changes listed for it are never merged; an amendment always carries changes (one that changes nothing is refused when decided)',
  },
  {
    file: /libs\/domain\/src\/core\/errors\.ts$/,
    mutator: 'ArrayDeclaration',
    original: '[0, 0, 0]',
    reason: 'read only when the text did not match the date pattern, and then match !== null already makes the date not real, whatever the numbers',
  },
  {
    file: /libs\/domain\/src\/core\/errors\.ts$/,
    original: /^(match !== null|month >= 1|month <= 12|day >= 1)( && (month >= 1|month <= 12|day >= 1))*$/,
    line: 'const real = match !== null && month >= 1',
    reason:
      "Node's Date.parse, checked just below, answers NaN for month 0 or 13 and for day 0 (it lets through only days 29 to 31 of a shorter month, which the days-in-month test catches), and text that did not match reads as day 0: such a date is refused either way",
  },
  {
    file: /libs\/frameworks\/src\/indicators\/decisions\.indicators\.ts$/,
    mutator: 'StringLiteral',
    line: "best.map((b) => b.ladder ?? '')",
    reason:
      'stands in for a decision with no level on the ladder; any text that is not a rung of the ladder is not found on it, so the highest rung is the same',
  },
  {
    file: /libs\/frameworks\/src\/indicators\/outcome-summary\.ts$/,
    mutator: 'OptionalChaining',
    original: 'INDICATOR_CATALOGUE.get(shown.id)?.restate',
    reason:
      'every figure written again was computed just above from a definition of the catalogue, under that definition’s own id: the catalogue always has it',
  },
  {
    file: /libs\/domain\/src\/participants\/participant\.facts\.ts$/,
    mutator: 'OptionalChaining',
    original: 'existing?.role',
    reason:
      'a registration always names a role, so `existing` is read only for a profile update, which is decided only for a registered person and so always follows the registration in a record: `existing` is there',
  },
  {
    file: /libs\/privacy\/src\/integrity\/checkpoint\.ts$/,
    mutator: 'StringLiteral',
    original: "'utf8'",
    reason: "Buffer.from(text, '') falls back to UTF-8, the encoding named",
  },
  {
    file: /libs\/privacy\/src\/integrity\/checkpoint\.ts$/,
    mutator: 'BlockStatement',
    original: '{ return false; }',
    reason: 'a trusted key that cannot be read answers undefined instead of false: both are falsy to the some() that asks',
  },
  {
    file: /libs\/privacy\/src\/integrity\/verify-chain\.ts$/,
    line: 'if (options.yieldBetweenPages)',
    reason: 'yielding between pages lets other work run meanwhile; it never changes which events are read or what is found',
  },
];

/**
 * True when a mutant lies inside a `default:` clause whose body is an exhaustiveness guard
 * (`const unexpected: never = ...`): the compiler proves no value reaches it.
 */
function insideExhaustivenessGuard(lines, location) {
  for (let i = location.start.line - 1; i >= 0 && i >= location.start.line - 6; i--) {
    const match = /^(\s*)default:/.exec(lines[i]);
    if (!match) continue;
    const indent = match[1].length;
    let end = i + 1;
    let guard = false;
    for (; end < lines.length; end++) {
      if (/:\s*never\b/.test(lines[end])) guard = true;
      const closing = /^(\s*)\}/.exec(lines[end]);
      if (closing && closing[1].length <= indent) break;
    }
    return guard && location.end.line - 1 <= end && (location.start.line - 1 > i || location.start.column - 1 >= lines[i].indexOf('default:'));
  }
  return false;
}

module.exports = { EQUIVALENTS, insideExhaustivenessGuard };
