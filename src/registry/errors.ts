// A registry's answer that ends an inspection, sorted by what the caller can do about it.

export type RegistryFault =
  /** 401/403: credentials are missing or do not reach the image. Retrying cannot help. */
  | 'denied'
  /** 404: the tag (or repository) is not there, maybe not yet: registries can lag a push. */
  | 'missing'
  /** The registry could not be reached or failed (network, 429, 5xx). */
  | 'unavailable'
  /** The registry answered something this client cannot read, or that does not match its digest. */
  | 'invalid'

export class RegistryError extends Error {
  constructor(
    readonly fault: RegistryFault,
    message: string,
    /** For `denied`: whether no credentials were sent, the ones sent were refused, or docker's were kept from a token service on plain HTTP. */
    readonly credentials?: 'none' | 'refused' | 'withheld',
  ) {
    super(message)
    this.name = 'RegistryError'
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof RegistryError && (error.fault === 'missing' || error.fault === 'unavailable')
}
