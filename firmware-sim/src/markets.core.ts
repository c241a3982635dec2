/**
 * Markets the simulated fleet is sold in: where vehicles live, their time
 * zone, climate and the assembly plant that builds them. Positions are city
 * centres; vehicles live and drive within about 40 km of one.
 */
export interface City {
  readonly name: string
  /** ISO 3166-1 alpha-2: the country the vehicle is sold into (its data rules follow it). */
  readonly country: string
  readonly lat: number
  readonly lon: number
  readonly timeZone: string
  /** Annual mean air temperature and its seasonal swing (°C, amplitude). */
  readonly meanTempC: number
  readonly seasonalSwingC: number
  /** Day–night swing (°C, amplitude). */
  readonly dailySwingC: number
  /** +1 northern hemisphere, −1 southern (seasons are opposite). */
  readonly hemisphere: 1 | -1
}

export interface Market {
  /** Region code the gateway stores (e.g. EU, LATAM, SEA, AU). */
  readonly region: string
  /** Fictional manufacturer's WMI for the plant supplying this market. */
  readonly wmi: string
  readonly plant: string
  readonly cities: readonly City[]
  readonly fleets: readonly string[]
}

export const MARKETS: readonly Market[] = Object.freeze([
  {
    region: 'EU',
    wmi: 'WF9',
    plant: 'E',
    fleets: ['eu-rental', 'eu-corporate', 'eu-private'],
    cities: [
      { name: 'Berlin', country: 'DE', lat: 52.52, lon: 13.405, timeZone: 'Europe/Berlin', meanTempC: 10, seasonalSwingC: 9, dailySwingC: 4, hemisphere: 1 },
      { name: 'Paris', country: 'FR', lat: 48.857, lon: 2.352, timeZone: 'Europe/Paris', meanTempC: 12, seasonalSwingC: 8, dailySwingC: 4, hemisphere: 1 },
      { name: 'Madrid', country: 'ES', lat: 40.417, lon: -3.704, timeZone: 'Europe/Madrid', meanTempC: 15, seasonalSwingC: 10, dailySwingC: 6, hemisphere: 1 },
      { name: 'Milan', country: 'IT', lat: 45.464, lon: 9.19, timeZone: 'Europe/Rome', meanTempC: 13, seasonalSwingC: 10, dailySwingC: 4, hemisphere: 1 },
    ],
  },
  {
    region: 'LATAM',
    wmi: '9F9',
    plant: 'B',
    fleets: ['latam-taxi', 'latam-corporate'],
    cities: [
      { name: 'São Paulo', country: 'BR', lat: -23.55, lon: -46.633, timeZone: 'America/Sao_Paulo', meanTempC: 20, seasonalSwingC: 3, dailySwingC: 5, hemisphere: -1 },
      { name: 'Mexico City', country: 'MX', lat: 19.433, lon: -99.133, timeZone: 'America/Mexico_City', meanTempC: 17, seasonalSwingC: 3, dailySwingC: 7, hemisphere: 1 },
      { name: 'Santiago', country: 'CL', lat: -33.449, lon: -70.669, timeZone: 'America/Santiago', meanTempC: 15, seasonalSwingC: 6, dailySwingC: 8, hemisphere: -1 },
      { name: 'Bogotá', country: 'CO', lat: 4.711, lon: -74.072, timeZone: 'America/Bogota', meanTempC: 14, seasonalSwingC: 1, dailySwingC: 6, hemisphere: 1 },
    ],
  },
  {
    region: 'SEA',
    wmi: 'ML9',
    plant: 'T',
    fleets: ['sea-ridehail', 'sea-private'],
    cities: [
      { name: 'Singapore', country: 'SG', lat: 1.352, lon: 103.82, timeZone: 'Asia/Singapore', meanTempC: 27.5, seasonalSwingC: 1, dailySwingC: 3, hemisphere: 1 },
      { name: 'Bangkok', country: 'TH', lat: 13.756, lon: 100.502, timeZone: 'Asia/Bangkok', meanTempC: 29, seasonalSwingC: 2, dailySwingC: 4, hemisphere: 1 },
      { name: 'Jakarta', country: 'ID', lat: -6.208, lon: 106.846, timeZone: 'Asia/Jakarta', meanTempC: 28, seasonalSwingC: 1, dailySwingC: 4, hemisphere: -1 },
      { name: 'Kuala Lumpur', country: 'MY', lat: 3.139, lon: 101.687, timeZone: 'Asia/Kuala_Lumpur', meanTempC: 28, seasonalSwingC: 1, dailySwingC: 4, hemisphere: 1 },
    ],
  },
  {
    region: 'AU',
    wmi: '6F9',
    plant: 'A',
    fleets: ['au-government', 'au-private'],
    cities: [
      { name: 'Sydney', country: 'AU', lat: -33.869, lon: 151.209, timeZone: 'Australia/Sydney', meanTempC: 18, seasonalSwingC: 5, dailySwingC: 4, hemisphere: -1 },
      { name: 'Melbourne', country: 'AU', lat: -37.814, lon: 144.963, timeZone: 'Australia/Melbourne', meanTempC: 15, seasonalSwingC: 5, dailySwingC: 5, hemisphere: -1 },
      { name: 'Brisbane', country: 'AU', lat: -27.47, lon: 153.026, timeZone: 'Australia/Brisbane', meanTempC: 21, seasonalSwingC: 4, dailySwingC: 5, hemisphere: -1 },
      { name: 'Perth', country: 'AU', lat: -31.95, lon: 115.86, timeZone: 'Australia/Perth', meanTempC: 19, seasonalSwingC: 6, dailySwingC: 6, hemisphere: -1 },
    ],
  },
])

export function marketByRegion (region: string): Market | undefined {
  return MARKETS.find((m) => m.region === region)
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>()

/** Local hour of day (0–24, fractional) in an IANA time zone; DST included. */
export function localHourOf (timeZone: string, epochMs: number): number {
  let f = hourFormatters.get(timeZone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
    hourFormatters.set(timeZone, f)
  }
  let h = 0
  let m = 0
  for (const part of f.formatToParts(epochMs)) {
    if (part.type === 'hour') h = Number(part.value)
    else if (part.type === 'minute') m = Number(part.value)
  }
  return h + m / 60
}
