import { DemoActor } from './demo-step';

/**
 * The officers who keep the demo record. Roles are the product's access roles; expenses are
 * recorded, approved and paid by three different people (segregation of duties).
 */
export const ACTORS = {
  /** West Berkshire co-production lead: community energy project. */
  rhys: { id: 'officer.rhys', role: 'evaluation_lead' },
  /** West Berkshire recorder: types up sessions, sign-in sheets and claims. */
  amara: { id: 'officer.amara', role: 'recorder' },
  /** West Berkshire adult social care lead: service user voice project. */
  sarah: { id: 'officer.sarah', role: 'evaluation_lead' },
  /** Southend co-production lead: REACH Recovery College and the mascot vote. */
  niamh: { id: 'officer.niamh', role: 'evaluation_lead' },
  /** Southend recorder. */
  kofi: { id: 'officer.kofi', role: 'recorder' },
  /** Pays approved expense claims; the product has no separate finance role, so a lead's access. */
  tom: { id: 'finance.tom', role: 'evaluation_lead' },
} as const satisfies Record<string, DemoActor>;

/** Southend's lead plans sessions and its recorder types them up, for both Southend projects. */
export const SOUTHEND_TEAM = { lead: ACTORS.niamh, recorder: ACTORS.kofi };
