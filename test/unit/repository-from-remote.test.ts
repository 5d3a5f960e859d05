// A local run names the repository from the clone's origin URL, in every form git accepts.
import { describe, expect, it } from 'vitest'
import { repositoryFromRemote } from '../../src/local.js'

describe('local run', () => {
  it.each([
    ['git@github.com:Acme/App.git', 'Acme/App'],
    ['https://github.com/acme/app', 'acme/app'],
    ['https://github.com/acme/app.git/', 'acme/app'],
    ['ssh://git@ghe.example.com:2222/org/repo.git', 'org/repo'],
  ])('reads the repository from %s', (url, expected) => {
    expect(repositoryFromRemote(url)).toBe(expected)
  })
})
