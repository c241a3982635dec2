/**
 * Who is calling, and which vehicles that lets them see. Pure: the auth
 * plugin builds principals, capabilities narrow their queries with the scope.
 */
export type Role = 'admin' | 'support' | 'fleet_owner' | 'service' | 'technician'
/** The roles that see vehicles through a fleet/region scope. */
export const ROLES: readonly Role[] = ['admin', 'support', 'fleet_owner', 'service']
/**
 * Every role. A technician sees only its service centre's work orders and the
 * vehicles booked there (work-orders/); its vehicle scope is empty, so routes
 * open to ROLES stay closed to it.
 */
export const ALL_ROLES: readonly Role[] = [...ROLES, 'technician']

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
  /** The bearer token this request came with (logout revokes it). */
  readonly tokenId?: string
  /** Set for people who logged in (POST /auth/login). */
  readonly userId?: string
}

/** The vehicle filter a principal implies; repositories add it to their WHERE clause. */
export interface VehicleScope {
  readonly fleets: readonly string[] | null
  readonly regions: readonly string[] | null
}

export const scopeOf = (p: Principal): VehicleScope => ({ fleets: p.fleets, regions: p.regions })

export const UNRESTRICTED: VehicleScope = { fleets: null, regions: null }
/** What a request without a principal may see: nothing (fail closed). */
export const NOTHING: VehicleScope = { fleets: [], regions: [] }

/** The scope of a request's principal; no principal sees nothing. */
export const scopeOfRequest = (p: Principal | null): VehicleScope => (p === null ? NOTHING : scopeOf(p))

export const isUnrestricted = (s: VehicleScope): boolean => s.fleets === null && s.regions === null

export function inScope (scope: VehicleScope, vehicle: { readonly fleet: string, readonly region: string }): boolean {
  return (scope.fleets === null || scope.fleets.includes(vehicle.fleet)) &&
    (scope.regions === null || scope.regions.includes(vehicle.region))
}
