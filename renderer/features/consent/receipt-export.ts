// Consent receipts for one ledger event: Kantara Consent Receipt v1.1 and an ISO/IEC TS 27560 record,
// built by the consent core and saved through the platform's save dialog.
export type ReceiptFormat = 'kantara' | 'iso27560';
