// The face of shared/accountability: what the audit trail accounts for by itself (opening the vault), the
// trail read live and its chains verified. Above shared/workspace, which shared/audit sits below.
export * from './operations';
export * from './queries';
