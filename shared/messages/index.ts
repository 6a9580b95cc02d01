// The face of shared/messages: the messages Kluis sends to people (double opt-in, campaign mail with
// unsubscribe links) and their .eml form. Import from this folder, never from a file in it.
export * from './outgoing-message';
export * from './eml';
