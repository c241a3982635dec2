/**
 * Robust trend with a confidence interval: Theil–Sen slope (the median of
 * all pairwise slopes), Sen's rank-based interval for it, a median
 * intercept, and the noise estimated from the data (MAD of the residuals).
 *
 * Why not least squares: one stuck or spiking reading moves a least-squares
 * slope arbitrarily; the Theil–Sen slope tolerates ~29 % outliers, and its
 * interval needs no distributional assumption, only independent residuals.
 * Residuals of bucketed sensor data are rarely independent (heat soak,
 * slowly wandering sensors), so the interval is widened by the lag-1
 * autocorrelation of the residuals (effective sample size n(1−ρ)/(1+ρ)), as
 * the corrected Mann–Kendall test does.
 *
 * References: Sen, P.K. (1968) "Estimates of the regression coefficient
 * based on Kendall's tau", JASA 63:1379–1389; Gilbert, R.O. (1987)
 * "Statistical Methods for Environmental Pollution Monitoring", §16.5
 * (the M1/M2 order statistics used below); Hamed & Rao (1998), J. Hydrol.
 * 204:182–196 (variance correction for autocorrelated data).
 */
export interface RobustFit {
  n: number
  /** Theil–Sen slope, units per x unit. */
  slope: number
  /** One-sided confidence bounds of the slope at the requested level (−/+Infinity when n is too small to bound it). */
  slopeLo: number
  slopeHi: number
  /** Fitted value at xAt, and its standard error. */
  level: number
  levelSe: number
  /** Robust noise scale of the residuals (1.4826 × MAD: σ for Gaussian noise). */
  sigma: number
  /** Lag-1 autocorrelation of the residuals, in [0, 0.9]. */
  rho: number
}

export function createRobustFit (): RobustFit {
  return { n: 0, slope: 0, slopeLo: -Infinity, slopeHi: Infinity, level: 0, levelSe: Infinity, sigma: 0, rho: 0 }
}

/** Fewest points for which a slope interval is computed at all. */
export const MIN_ROBUST_POINTS = 5
const MAX_RHO = 0.9

/**
 * Fits x (strictly increasing) and y, n points, into `out`; z is the
 * standard-normal quantile of the one-sided confidence level (2.326 for
 * 99 %). Returns false when n < MIN_ROBUST_POINTS.
 */
export function theilSen (x: ArrayLike<number>, y: ArrayLike<number>, n: number, z: number, xAt: number, out: RobustFit): boolean {
  out.n = n
  if (n < MIN_ROBUST_POINTS) return false
  const pairs = (n * (n - 1)) / 2
  const slopes = new Float64Array(pairs)
  let k = 0
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) slopes[k++] = ((y[j] as number) - (y[i] as number)) / ((x[j] as number) - (x[i] as number))
  }
  slopes.sort()
  const slope = median(slopes)
  const resid = new Float64Array(n)
  for (let i = 0; i < n; i++) resid[i] = (y[i] as number) - slope * (x[i] as number)
  const intercept = median(Float64Array.from(resid).sort())
  let xMean = 0
  for (let i = 0; i < n; i++) {
    resid[i] = (resid[i] as number) - intercept
    xMean += x[i] as number
  }
  xMean /= n
  const sigma = 1.4826 * median(Float64Array.from(resid, Math.abs).sort())
  const rho = lag1(resid, sigma)
  // Var(S) of Kendall's S without ties (ties only narrow it: ignoring them is conservative),
  // inflated by the autocorrelation of the residuals.
  const inflate = (1 + rho) / (1 - rho)
  const c = z * Math.sqrt(((n * (n - 1) * (2 * n + 5)) / 18) * inflate)
  const m1 = (pairs - c) / 2
  const m2 = (pairs + c) / 2
  // Gilbert: lower limit is the M1-th, upper the (M2+1)-th smallest slope (1-based).
  const lo = Math.floor(m1) - 1
  const hi = Math.ceil(m2)
  out.slope = slope
  out.slopeLo = lo >= 0 ? slopes[lo] as number : -Infinity
  out.slopeHi = hi < pairs ? slopes[hi] as number : Infinity
  let sxx = 0
  for (let i = 0; i < n; i++) sxx += ((x[i] as number) - xMean) ** 2
  out.level = intercept + slope * xAt
  // Standard error of a fitted line's value at xAt (Gaussian formula with the robust σ and the effective n).
  out.levelSe = sigma * Math.sqrt(inflate * (1 / n + (sxx > 0 ? (xAt - xMean) ** 2 / sxx : 0)))
  out.sigma = sigma
  out.rho = rho
  return true
}

/** Median of a sorted array. */
function median (sorted: Float64Array): number {
  const n = sorted.length
  const m = n >> 1
  return n % 2 === 1 ? sorted[m] as number : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2
}

/**
 * Lag-1 autocorrelation of residuals when significant (above the one-sided
 * 95 % bound 1.645/√n of white noise, as Hamed & Rao count only significant
 * lags), else 0; clamped to [0, MAX_RHO]: negative correlation would narrow
 * the interval, which we never do.
 */
function lag1 (r: Float64Array, sigma: number): number {
  const n = r.length
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    den += (r[i] as number) ** 2
    if (i > 0) num += (r[i] as number) * (r[i - 1] as number)
  }
  if (den <= 0 || sigma === 0) return 0
  const rho = num / den
  return rho > 1.645 / Math.sqrt(n) ? Math.min(MAX_RHO, rho) : 0
}

/** Standard-normal quantile (Acklam's rational approximation, |error| < 1.2e-9), for one-sided confidence levels. */
export function normalQuantile (p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability ${p} outside (0, 1)`)
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const pl = 0.02425
  const poly = (co: number[], v: number): number => co.reduce((acc, k) => acc * v + k, 0)
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p))
    return poly(c, q) / (poly(d, q) * q + 1)
  }
  if (p > 1 - pl) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (poly(a, r) * q) / (poly(b, r) * r + 1)
}

/**
 * Days until a trend reaches `limit`, judged on the evidence: the level's
 * confidence bound nearest the safe side, moving at the slope's bound
 * nearest zero. 0 when even that bound is already past the limit, Infinity
 * when the slope is not significantly toward it. `perDay` converts slope units.
 */
export function conservativeDaysToLimit (f: RobustFit, limit: number, below: boolean, z: number, perDay: number): number {
  const level = below ? f.level + z * f.levelSe : f.level - z * f.levelSe
  const gap = below ? level - limit : limit - level
  if (gap <= 0) return 0
  const towards = below ? -f.slopeHi * perDay : f.slopeLo * perDay
  return towards > 0 ? gap / towards : Infinity
}

/** Days until the Theil–Sen point estimate reaches `limit` (the clear side of a forecast, and the reported prediction). */
export function pointDaysToLimit (f: RobustFit, limit: number, below: boolean, perDay: number): number {
  const gap = below ? f.level - limit : limit - f.level
  if (gap <= 0) return 0
  const towards = (below ? -f.slope : f.slope) * perDay
  return towards > 0 ? gap / towards : Infinity
}
