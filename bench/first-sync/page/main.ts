// The first-sync benchmark's one page: ?side=pouch loads the PouchDB anchor, anything else Kluis. Each side
// is its own chunk, so neither page loads the other's code.
const side = new URLSearchParams(globalThis.location.search).get('side');
void (side === 'pouch' ? import('./pouch') : import('./kluis'));
