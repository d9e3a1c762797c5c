/** The relying party for council sign-in, or null when it is not configured. */
export const OIDC_RELYING_PARTY = Symbol('OIDC_RELYING_PARTY');
