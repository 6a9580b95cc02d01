// The breach screens' fixed ids: a new incident and the lost-device drill share the breach route.
export const NEW_BREACH_ID = 'new';
export const DRILL_ID = 'drill';
