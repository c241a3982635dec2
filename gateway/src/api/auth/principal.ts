/**
 * Who is calling, and which vehicles that lets them see. Pure: the auth
 * plugin builds principals, capabilities narrow their queries with the scope.
 */
export type Role = 'admin' | 'support' | 'fleet_owner' | 'service'
export const ROLES: readonly Role[] = ['admin', 'support', 'fleet_owner', 'service']

export interface Principal {
  /** Stable id written to audit and history rows: `token:<id>` or `user:<id>`. */
  readonly actor: string
  readonly role: Role
  /** Owner organisation; set for fleet owners (and their service tokens). */
  readonly tenantId: string | null
  /** Fleets the caller may see; null = every fleet. */
  readonly fleets: readonly string[] | null
  /** Regions the caller may see (support engineers limited to markets); null = every region. */
  readonly regions: readonly string[] | null
}

/** The vehicle filter a principal implies; repositories add it to their WHERE clause. */
export interface VehicleScope {
  readonly fleets: readonly string[] | null
  readonly regions: readonly string[] | null
}

export const scopeOf = (p: Principal): VehicleScope => ({ fleets: p.fleets, regions: p.regions })

export const UNRESTRICTED: VehicleScope = { fleets: null, regions: null }

export function inScope (scope: VehicleScope, vehicle: { readonly fleet: string, readonly region: string }): boolean {
  return (scope.fleets === null || scope.fleets.includes(vehicle.fleet)) &&
    (scope.regions === null || scope.regions.includes(vehicle.region))
}
