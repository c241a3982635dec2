import { createStore } from './store.js'
import { parseUnitPrefs, type UnitPrefs } from './units.core.js'

const KEY = 'fw.units'
export const units = createStore<UnitPrefs>(parseUnitPrefs(typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)))

export function setUnits (u: UnitPrefs): void {
  localStorage.setItem(KEY, JSON.stringify(u))
  units.set(u)
}
