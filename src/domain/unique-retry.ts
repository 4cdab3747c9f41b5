// Writes that race: checks run before writing, so a clash normally comes back as a clear 422. Two
// requests can still pass their checks at the same moment; the loser's insert then hits a unique key
// (which may also abort the transaction). Running the whole transaction once more lets its checks
// see the winner's row and answer the right 422, or (for `"auto"`) use the organization just made.
import { isUniqueViolation } from '../db/errors.js'
import { invalid } from './errors.js'

/**
 * Runs `work` (one whole transaction); on a unique-key violation runs it once more. A second violation
 * becomes a 422 on `field`, so a race is never a 500.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, field: string): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
  try {
    return await work()
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid(field, 'taken', 'has already been taken')
    throw error
  }
}
