// The face of shared/reports: the managers' reports and home, computed on this device from decrypted items, and their export. Import from this folder, never from a file in it.
export * from './types';
export * from './reports';
export * from './manager-home';
export * from './tables';
export * from './html';
export * from './queries';
export * from './operations';
