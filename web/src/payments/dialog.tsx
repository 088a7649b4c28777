/**
 * The console's modal dialog now lives in `shared/dialog.tsx`, beside the frames built on it
 * (`dialog-form.tsx`); this door stays for the screens that still import it from here.
 */
export { Dialog } from '../shared/dialog.js'
