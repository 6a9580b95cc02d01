// The face of shared/processing-record: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './custom-fields';
export * from './field-catalogue';
export * from './inventory';
export * from './ropa';
export * from './operations';
export * from './queries';
