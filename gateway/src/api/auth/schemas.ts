import { Type } from '@sinclair/typebox'

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('support'), Type.Literal('fleet_owner'), Type.Literal('service'), Type.Literal('technician')])
const Names = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200, uniqueItems: true })

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: RoleSchema,
  tenantId: Type.Union([Type.String(), Type.Null()]),
  fleets: Type.Union([Type.Array(Type.String()), Type.Null()]),
  regions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  email: Type.Optional(Type.String()),
})

/** Where OTA reminders reach a fleet owner (optional). */
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })

export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$' })
/** Long enough to resist guessing with the lock-out; no composition rules (NIST SP 800-63B §5.1.1.2). */
export const Password = Type.String({ minLength: 10, maxLength: 256 })
const TenantId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' })

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false })

export const NewUserBody = Type.Object({
  username: Username,
  password: Password,
  role: RoleSchema,
  tenantId: Type.Optional(TenantId),
  fleets: Type.Optional(Names),
  regions: Type.Optional(Names),
  email: Type.Optional(Email),
}, { additionalProperties: false })

export const UserPatchBody = Type.Object({
  password: Type.Optional(Password),
  role: Type.Optional(RoleSchema),
  tenantId: Type.Optional(Type.Union([TenantId, Type.Null()])),
  fleets: Type.Optional(Names),
  regions: Type.Optional(Type.Union([Names, Type.Null()])),
  email: Type.Optional(Type.Union([Email, Type.Null()])),
}, { additionalProperties: false, minProperties: 1 })

export const NewTokenBody = Type.Object({
  label: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.Optional(Type.Literal('service')),
  tenantId: Type.Optional(TenantId),
  regions: Type.Optional(Names),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
}, { additionalProperties: false })

export const TokenSchema = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  label: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  tenantId: Type.Union([Type.String(), Type.Null()]),
  regions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

export const TenantSchema = Type.Object({ id: Type.String(), name: Type.String(), fleets: Type.Array(Type.String()) })
export const TenantBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), fleets: Names }, { additionalProperties: false })
export const TenantParam = Type.Object({ id: TenantId })
export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String() })
