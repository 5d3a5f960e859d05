// What a registry read that must fail failed with: a RegistryError, whose fault and message the
// tests then check.
import { expect } from 'vitest'
import { RegistryError } from '../../src/registry/inspect.js'

export async function registryFailure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RegistryError)
  return error as RegistryError
}
