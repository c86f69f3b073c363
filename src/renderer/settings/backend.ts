/**
 * @file The compute-backend setting as the renderer keeps it: what each choice means in words, and where the
 * choice is remembered. One store for both hosts: localStorage, which Electron keeps per profile for the app's
 * own origin (a standard scheme, see src/main/app-protocol.ts) as a browser keeps it per site.
 *
 * A `?backend=cpu|webgpu|auto` in the page's address sets the preference as if it had been chosen in the menu
 * (and remembers it); E2E tests start the app on a known backend that way, without clicking through the menu.
 */
import * as v from 'valibot';
import { BackendPreference } from '../../shared/protocol/engine';

export { BackendPreference };

export const BACKEND_STORAGE_KEY = 'divelab.backend';

export const DEFAULT_BACKEND: BackendPreference = 'auto';

/** The menu's entries, in menu order: a name and one line saying what choosing it does to `cuda`. */
export const BACKEND_CHOICES: ReadonlyArray<{ value: BackendPreference; label: string; detail: string }> = [
  { value: 'auto', label: 'Auto', detail: 'cuda runs on WebGPU when a hardware GPU is found; otherwise there is no cuda.' },
  { value: 'cpu', label: 'CPU', detail: 'No cuda: torch.cuda.is_available() is False, as on a machine without a GPU.' },
  { value: 'webgpu', label: 'WebGPU', detail: "cuda:0 runs on WebGPU, even on a software GPU; without WebGPU, the CPU." },
];

export const backendName = (pref: BackendPreference): string => BACKEND_CHOICES.find((c) => c.value === pref)!.label;

/** The part of Storage used here, so tests can pass a Map-backed one. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

const parse = (value: unknown): BackendPreference | null => {
  const r = v.safeParse(BackendPreference, value);
  return r.success ? r.output : null;
};

/**
 * The preference to start with: the address's `backend` when it names a choice (remembered from then on), else
 * the remembered one, else 'auto'. Storage that is missing or refuses access (a locked-down profile) is not an
 * error: the switch still works for this session.
 */
export function loadBackendPreference(storage: PreferenceStorage | null, search = ''): BackendPreference {
  const fromAddress = parse(new URLSearchParams(search).get('backend'));
  if (fromAddress) {
    saveBackendPreference(storage, fromAddress);
    return fromAddress;
  }
  try {
    return parse(storage?.getItem(BACKEND_STORAGE_KEY)) ?? DEFAULT_BACKEND;
  } catch {
    return DEFAULT_BACKEND;
  }
}

export function saveBackendPreference(storage: PreferenceStorage | null, pref: BackendPreference): void {
  try {
    storage?.setItem(BACKEND_STORAGE_KEY, pref);
  } catch {
    // Full or forbidden storage: the choice holds until the page closes.
  }
}

/** The page's localStorage, or null where there is none (unit tests in Node) or reading it throws. */
export function pageStorage(): PreferenceStorage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The page's query string, '' outside a page. */
export const pageSearch = (): string => (globalThis as { location?: Location }).location?.search ?? '';
