import { IndicatorDefinition } from './indicator';
import { decisionsInfluenced, influenceLevels, proposalsNotAdopted, residentInfluenceShare, youSaidWeDid } from './decisions.indicators';
import { expenses, notCoproductionFlags, principleReflections, serviceMeasures, setupActivities, stageHistory } from './delivery.indicators';
import { surveyChange, trainingCompletions } from './learning.indicators';
import {
  hoursByRole,
  offlineShare,
  peopleByRoleGroup,
  peopleInvolvedByRole,
  reachAgainstPopulation,
  reachSeldomHeard,
  retention,
  sessionsByFormat,
  sessionsByStage,
} from './people.indicators';

/** Every indicator a framework may name, by id. */
export const INDICATOR_CATALOGUE: ReadonlyMap<string, IndicatorDefinition> = new Map(
  [
    peopleInvolvedByRole,
    peopleByRoleGroup,
    hoursByRole,
    sessionsByStage,
    sessionsByFormat,
    retention,
    offlineShare,
    reachSeldomHeard,
    reachAgainstPopulation,
    decisionsInfluenced,
    influenceLevels,
    residentInfluenceShare,
    youSaidWeDid,
    proposalsNotAdopted,
    surveyChange,
    trainingCompletions,
    setupActivities,
    stageHistory,
    serviceMeasures,
    expenses,
    principleReflections,
    notCoproductionFlags,
  ].map((definition) => [definition.id, definition]),
);
