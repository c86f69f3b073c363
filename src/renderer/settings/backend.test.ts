import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICES, BACKEND_STORAGE_KEY, loadBackendPreference, saveBackendPreference, type PreferenceStorage } from './backend';

const memory = (init: Record<string, string> = {}) => {
  const map = new Map(Object.entries(init));
  const storage: PreferenceStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  return { storage, map };
};

const refusing: PreferenceStorage = {
  getItem: () => { throw new Error('SecurityError'); },
  setItem: () => { throw new Error('QuotaExceededError'); },
};

describe('backend preference storage', () => {
  it("starts on 'auto' when nothing was chosen", () => {
    expect(loadBackendPreference(memory().storage)).toBe('auto');
    expect(loadBackendPreference(null)).toBe('auto');
  });

  it('remembers a choice across loads', () => {
    const { storage, map } = memory();
    saveBackendPreference(storage, 'cpu');
    expect(map.get(BACKEND_STORAGE_KEY)).toBe('cpu');
    expect(loadBackendPreference(storage)).toBe('cpu');
  });

  it('ignores a stored value that is not a choice', () => {
    expect(loadBackendPreference(memory({ [BACKEND_STORAGE_KEY]: 'cuda' }).storage)).toBe('auto');
  });

  it('takes ?backend= from the address over the stored choice, and remembers it', () => {
    const { storage, map } = memory({ [BACKEND_STORAGE_KEY]: 'cpu' });
    expect(loadBackendPreference(storage, '?lesson=1&backend=webgpu')).toBe('webgpu');
    expect(map.get(BACKEND_STORAGE_KEY)).toBe('webgpu');
    expect(loadBackendPreference(storage, '?backend=gpu')).toBe('webgpu');
  });

  it('works without usable storage (a locked-down profile)', () => {
    expect(loadBackendPreference(refusing)).toBe('auto');
    expect(loadBackendPreference(refusing, '?backend=cpu')).toBe('cpu');
    expect(() => saveBackendPreference(refusing, 'cpu')).not.toThrow();
  });

  it('offers the three choices, Auto first, each with a line of explanation', () => {
    expect(BACKEND_CHOICES.map((c) => c.value)).toEqual(['auto', 'cpu', 'webgpu']);
    for (const c of BACKEND_CHOICES) expect(c.detail.length).toBeGreaterThan(20);
  });
});
