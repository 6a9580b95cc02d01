// The face of shared/accountability: what the audit trail accounts for by itself (opening the vault) and the
// trail read live. Above shared/workspace, which shared/audit sits below.
export * from './operations';
